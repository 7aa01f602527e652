-- wrk script: each request takes the next query of a file, as a real mix of users would.
--   wrk ... -s bench/wrk/rotate.lua URL -- ROUTE QUERIES_FILE
-- ROUTE is "search" or "suggest"; suggest sends the first half of each query (still typing).
local paths = {}
local counter = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local route, file = args[1] or "search", args[2]
  for line in io.lines(file) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local q = line
      if route == "suggest" then q = line:sub(1, math.max(1, math.floor(#line / 2))) end
      paths[#paths + 1] = "/v1/" .. route .. "?q=" .. encode(q)
    end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
