"""Finds the examples of a Markdown document: fenced blocks, the directives that say how to
run them, the requests of GET and POST blocks, prose examples written `"query" -> CODE`, and
the paragraphs that list a program's flags. The markup is described in check_doc_examples.py."""

import json
import re
from dataclasses import dataclass, field
from typing import List, Optional

# <!-- example: fixture corpus -->, <!-- example: file cpt.tsv -->, <!-- example: setup -->,
# <!-- not checked: needs a licensed CPT file -->, <!-- flags: medcode-search -->
DIRECTIVE = re.compile(r"^<!--\s*(example|not checked|flags)\s*:\s*(.*?)\s*-->\s*$")
FENCE_OPEN = re.compile(r"^```([A-Za-z0-9_-]*)\s*$")
FENCE_CLOSE = re.compile(r"^```\s*$")
EXAMPLE_KINDS = ("fixture corpus", "setup", "file")


@dataclass
class Directive:
    kind: str   # "fixture corpus", "setup", "file", "not checked", "flags"
    arg: str    # the file name, the reason, or the programs
    line: int


@dataclass
class Block:
    """A fenced block (or an indented one, lang "indented"); lines are 1-based."""
    doc: str
    line: int      # the opening fence
    end_line: int  # the closing fence
    lang: str
    text: str
    directive: Optional[Directive] = None
    follows_block: bool = False  # only blank lines between it and the block before

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"

    def is_request(self) -> bool:
        first = next((l for l in self.text.splitlines() if l.strip()), "")
        return self.lang in ("", "http") and first.startswith(("GET ", "POST "))

    def is_commands(self) -> bool:
        return self.lang in ("sh", "bash", "console")


# GET /v1/search?q=x -> 400 (a note); POST /fhir/ValueSet/$expand -> 422, its JSON body below.
REQUEST_LINE = re.compile(r"^(GET|POST)\s+(\S+)(?:\s+->\s*(\d{3}))?(?:\s+\(.*\))?\s*$")
GET_FORM = "a GET block holds one line: GET /path [-> STATUS] [(note)]"
POST_FORM = "a POST block holds POST /fhir/PATH [-> STATUS] [(note)] and then its JSON body"


@dataclass
class Request:
    """What a GET or POST block sends, and the status it expects."""
    method: str
    path: str
    status: int     # 200 unless the block says `-> STATUS`
    body: str = ""  # POST: the lines after the request line, JSON


def parse_request(block: Block) -> Request:
    """The request of a block whose is_request() is true. Raises ValueError, with a message
    naming the form to write, for a malformed one; a body that is not JSON gives its document line."""
    lines = block.text.split("\n")
    first = next(i for i, l in enumerate(lines) if l.strip())
    match = REQUEST_LINE.match(lines[first].strip())
    method = lines[first].split()[0]
    form = GET_FORM if method == "GET" else POST_FORM
    if not match or not match.group(2).startswith("/"):
        raise ValueError(f"{form}; got {lines[first].strip()[:120]!r}")
    status = int(match.group(3) or 200)
    body = "\n".join(lines[first + 1:])
    if method == "GET":
        if body.strip():
            raise ValueError(form)
        return Request(method, match.group(2), status)
    # The /v1 API answers GET only; POST is the FHIR operations' Parameters form.
    if not match.group(2).startswith("/fhir/"):
        raise ValueError(f"{form}: only /fhir/ takes POST; got {match.group(2)[:120]!r}")
    if not body.strip():
        raise ValueError(f"{form}; the body is missing")
    try:
        json.loads(body)
    except json.JSONDecodeError as error:
        line = block.line + 1 + first + error.lineno  # the fence, the request line, then the body
        raise ValueError(f"line {line}: the POST body is not JSON: {error.msg}")
    return Request(method, match.group(2), status, body)


@dataclass
class Paragraph:
    doc: str
    line: int
    text: str  # its lines joined with "\n"
    directive: Optional[Directive] = None

    def line_of(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset)


@dataclass
class Document:
    path: str
    blocks: List[Block] = field(default_factory=list)
    paragraphs: List[Paragraph] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)  # markup mistakes, with file:line


def parse_directive(text: str, doc: str, number: int, errors: List[str]) -> Optional[Directive]:
    match = DIRECTIVE.match(text.strip())
    if not match:
        if text.strip().startswith("<!--") and re.search(r"\b(example|checked|flags)\b", text):
            errors.append(f"{doc}:{number}: unreadable directive {text.strip()!r}")
        return None
    kind, arg = match.group(1), match.group(2)
    if kind == "example":
        name = next((k for k in EXAMPLE_KINDS if arg == k or arg.startswith(k + " ")), None)
        if name is None:
            errors.append(f"{doc}:{number}: unknown directive <!-- example: {arg} -->; "
                          f"use one of: {', '.join(EXAMPLE_KINDS)}")
            return None
        return Directive(name, arg[len(name):].strip(), number)
    if not arg:
        errors.append(f"{doc}:{number}: <!-- {kind}: --> needs a "
                      f"{'reason' if kind == 'not checked' else 'program'}")
        return None
    return Directive(kind, arg, number)


def parse_document(path: str, name: str) -> Document:
    """Reads path; name (README.md, docs/API.md) is what messages call it."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    document = Document(name)
    pending: Optional[Directive] = None
    last_was_block = False  # the previous non-blank item was a block
    paragraph: List[str] = []
    paragraph_start = 0

    def take_directive() -> Optional[Directive]:
        nonlocal pending
        taken, pending = pending, None
        return taken

    def end_paragraph() -> None:
        nonlocal paragraph, last_was_block
        if not paragraph:
            return
        text = "\n".join(paragraph)
        if all(l.startswith("    ") for l in paragraph):
            document.blocks.append(Block(name, paragraph_start, paragraph_start + len(paragraph) - 1,
                                         "indented", text, take_directive()))
            last_was_block = True
        else:
            document.paragraphs.append(Paragraph(name, paragraph_start, text, take_directive()))
            last_was_block = False
        paragraph = []

    i = 0
    while i < len(lines):
        line, number = lines[i], i + 1
        opened = FENCE_OPEN.match(line)
        if opened:
            end_paragraph()
            close = next((j for j in range(i + 1, len(lines)) if FENCE_CLOSE.match(lines[j])), None)
            if close is None:
                document.errors.append(f"{name}:{number}: fenced block never closed")
                break
            document.blocks.append(Block(name, number, close + 1, opened.group(1), "\n".join(lines[i + 1:close]),
                                         take_directive(), last_was_block))
            last_was_block = True
            i = close + 1
            continue
        if not line.strip():
            end_paragraph()
        elif line.strip().startswith("<!--"):
            end_paragraph()
            directive = parse_directive(line, name, number, document.errors)
            if directive is not None:
                if pending is not None:
                    document.errors.append(f"{name}:{pending.line}: directive followed by another directive")
                pending = directive
        elif line.startswith("#"):
            end_paragraph()
            document.paragraphs.append(Paragraph(name, number, line, take_directive()))
            last_was_block = False
        else:
            if not paragraph:
                paragraph_start = number
            paragraph.append(line)
        i += 1
    end_paragraph()
    if pending is not None:
        document.errors.append(f"{name}:{pending.line}: directive with nothing after it")
    return document


# "broken wrist left" -> S62.102A; "pain in hip" -> M25.559, then M25.55;
# "low platelets" -> thrombocytopenia. The query may wrap onto the next line.
ARROW = re.compile(r'"([^"]+)"\s*->\s*')
CODE = r"[A-Z0-9][A-Z0-9.]{2,7}"
CODE_RESULT = re.compile(rf"({CODE})\b((?:,\s*then\s+{CODE}\b)*)")
WORDS_RESULT = re.compile(r"([A-Za-z][A-Za-z' ]*[A-Za-z])")


@dataclass
class Arrow:
    """A prose example: the search for query gives codes first, or its query has words."""
    doc: str
    line: int
    query: str
    codes: List[str]  # expected first results, in order; empty for a words arrow
    words: List[str]  # words the query must become (a synonym, a composed term)
    text: str         # as written, for messages

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def is_code(token: str) -> bool:
    return any(c.isdigit() for c in token) and not token.endswith(".")


def find_arrows(paragraph: Paragraph, errors: List[str]) -> List[Arrow]:
    """The arrows of the paragraph's prose; one inside `code` is not an example."""
    arrows = []
    prose = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), paragraph.text)
    for match in ARROW.finditer(prose):
        query = " ".join(match.group(1).split())
        rest = paragraph.text[match.end():]
        line = paragraph.line_of(match.start())
        code = CODE_RESULT.match(rest)
        if code and is_code(code.group(1)):
            codes = [code.group(1)] + re.findall(CODE, code.group(2))
            text = paragraph.text[match.start():match.end() + code.end()]
            arrows.append(Arrow(paragraph.doc, line, query, codes, [], " ".join(text.split())))
            continue
        words = WORDS_RESULT.match(rest)
        if words:
            text = paragraph.text[match.start():match.end() + words.end()]
            arrows.append(Arrow(paragraph.doc, line, query, [], words.group(1).lower().split(),
                                " ".join(text.split())))
        else:
            errors.append(f"{paragraph.doc}:{line}: cannot read the example {match.group(0).strip()!r}: "
                          f'write "query" -> CODE[, then CODE] or "query" -> words')
    return arrows


FLAG = re.compile(r"(?<![\w-])--([a-z][a-z0-9-]*)")
INLINE_CODE = re.compile(r"`([^`]+)`")


def flags_in(text: str) -> List[str]:
    return FLAG.findall(text)
