-- wrk script: CodeSystem/$validate-code on the next code of a file, so no two neighbouring
-- requests are alike (and a response cache could not answer them).
--   wrk ... -s bench/wrk/fhir_validate.lua URL -- CODES_FILE
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = "/fhir/CodeSystem/$validate-code?url=http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Ficd-10-cm&code=" .. line
    end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
