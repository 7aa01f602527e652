#!/usr/bin/env python3
"""The docs test: runs every example of README.md, docs/API.md, docs/RANKING.md,
docs/IMPORT.md and docs/FHIR.md against the real programs and checks the output they show,
so that the documents cannot drift from what the programs do. It also checks that the flags
each program accepts (its --help) are the ones its flags paragraph lists, and that every
flag the documents name exists.

How a document writes examples (each must be run, or say why not):
  ```sh block       commands, run one line at a time with bash from a scratch directory in
                    which build/bin holds the programs and var/index is the full index of the
                    official corpus (tests/build_real_corpus_index.sh). Each must exit 0.
                    http://127.0.0.1:8080 in a command (curl) is medcode-server on that index.
  GET block         a plain ``` block whose line is `GET /v1/...` (or /fhir/..., /healthz),
                    sent to medcode-server on that index; `GET /path -> 400` expects that
                    status (else 200). A note in parentheses after it is ignored.
  POST block        a plain ``` block whose first line is `POST /fhir/...` (status and note
                    as for GET) and whose other lines are a JSON body (a FHIR Parameters
                    resource), sent with Content-Type application/fhir+json.
  output block      a ```json, ```text or plain block right after a command, GET or POST block
                    (blank lines only between): what the commands print (stdout) or the
                    response body. expected_output.py says how it is compared: fields left out
                    are not checked, "..." elides, build times match any time.
  directives        an HTML comment just before a block (or paragraph):
    <!-- example: fixture corpus -->  the commands run on the fixture corpus of tests/fixtures
        instead (medcode-indexer build, update and diff get its --corpus and --manifest), with
        var/ starting empty; the document's fixture examples share one directory, in order.
        In them a version name (fy2026-20261127T012943Z) stands for the newest version of
        that release under the command's --root.
    <!-- example: file NAME -->  the block is a file the commands read (written as NAME).
    <!-- example: setup -->  the block is the test's own index build (SETUP_COMMAND).
    <!-- not checked: REASON -->  the block is not run (a script that runs for minutes, a
        licensed file, a diagram); the reason is required.
    <!-- flags: PROGRAM [SUBCOMMAND...] -->  the next paragraph lists every flag of those
        commands: exactly the flags their --help shows.
  prose arrows      `"query" -> CODE` says the search for query ranks CODE first (`-> A, then B`:
                    A then B); `"query" -> words` says the query becomes those words (a
                    synonym, a composed term): each word's first term is in the Xapian query
                    of medcode-search --explain.

Exit status: 0 when every example agrees; 1 with each difference (file:line, the example,
expected and actual); 77 (skipped) when there is no full index (no official corpus): the
fixture examples and the flag checks still run, and a failure among them still fails.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from typing import Dict, List, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from doc_examples import (INLINE_CODE, Arrow, Block, Document, Paragraph, find_arrows,  # noqa: E402
                          flags_in, parse_document, parse_request)
from example_runs import (INDEXER_SUBCOMMANDS, PROGRAMS, Failure, Programs, Workspaces,  # noqa: E402
                          command_lines, get, indent, numbered_commands, program_of, send, words_of)
from expected_output import match_output  # noqa: E402

DOCS = ["README.md", "docs/API.md", "docs/RANKING.md", "docs/IMPORT.md", "docs/FHIR.md"]
# What the FHIR operations take as a POST body (a Parameters resource).
FHIR_JSON = "application/fhir+json"
# What tests/build_real_corpus_index.sh runs (as medcode-indexer build --index DIR).
SETUP_COMMAND = "build/bin/medcode-indexer build --index var/index"
# Every command whose flags a flags paragraph must list.
FLAG_COMMANDS = [("medcode-search", ""), ("medcode-server", "")] + [("medcode-indexer", s) for s in INDEXER_SUBCOMMANDS]
VERSION_NAME = re.compile(r"\b([a-z0-9]+(?:-[a-z]+)?)-(\d{8}T\d{6}Z)(?:-\d+)?\b")
LOCAL_URL = re.compile(r"http://(?:127\.0\.0\.1|localhost):8080")


class Checker:
    def __init__(self, args):
        self.source = args.source
        self.programs = Programs(args.bin)
        self.spaces = Workspaces(self.programs, args.index, args.fixture_tool)
        self.only = args.only
        self.failures: List[str] = []
        self.checked = 0
        self.skipped_real: List[str] = []
        self.not_checked: List[str] = []
        self.explained: Dict[str, str] = {}

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{where}: {message}")

    def wanted(self, doc: str, line: int) -> bool:
        if not self.only:
            return True
        name, _, at = self.only.partition(":")
        return doc == name and (not at or int(at) == line)

    # Blocks -----------------------------------------------------------------------------

    def check_document(self, document: Document) -> None:
        for error in document.errors:
            self.failures.append(error)
        files = {b.directive.arg: b.text for b in document.blocks if b.directive and b.directive.kind == "file"}
        blocks = document.blocks
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            expected = following if following and following.follows_block and not following.directive and \
                not following.is_commands() and not following.is_request() else None
            kind = block.directive.kind if block.directive else ""
            if kind == "not checked":
                self.not_checked.append(f"{block.where}: {block.directive.arg}")
                if block.is_commands():
                    self.check_named_flags(block.where, block.text, commands=True)
                continue
            if kind == "file":
                if not block.directive.arg:
                    self.fail(block.where, "<!-- example: file NAME --> needs the file's name")
                continue
            if block.is_commands() or block.is_request():
                if self.wanted(document.path, block.line):
                    self.run_block(block, expected, files)
                continue
            previous = blocks[index - 1] if index > 0 else None
            if previous and block.follows_block and not block.directive and \
                    (previous.is_commands() or previous.is_request()) and \
                    not (previous.directive and previous.directive.kind == "not checked"):
                continue  # the output of the block before
            self.fail(block.where, f"a ```{block.lang or ' '} block that is not run: make it a command (```sh) or "
                      "GET or POST block, put it right after the one whose output it is, or mark it "
                      "<!-- not checked: REASON --> or <!-- example: file NAME -->")

    def run_block(self, block: Block, expected: Optional[Block], files: Dict[str, str]) -> None:
        kind = block.directive.kind if block.directive else ""
        if kind == "setup":
            if [" ".join(words_of(c)) for c in command_lines(block.text)] != [SETUP_COMMAND]:
                self.fail(block.where, f"the setup block must be the one command {SETUP_COMMAND!r} "
                          "(tests/build_real_corpus_index.sh runs it)")
            elif self.spaces.has_real_index():
                self.checked += 1
            return
        if kind != "fixture corpus" and not self.spaces.has_real_index():
            self.skipped_real.append(block.where)
            return
        output = ""
        try:
            if block.is_request():
                output = self.run_request(block)
            else:
                workspace = self.spaces.fixture_for(block.doc, files) if kind == "fixture corpus" else self.spaces.real(files)
                for offset, command in numbered_commands(block.text):
                    try:
                        output += self.run_command(command, workspace, kind == "fixture corpus")
                    except Failure as failure:
                        raise Failure(f"line {block.line + 1 + offset}: {command}\n    {failure}")
        except Failure as failure:
            self.fail(block.where, str(failure))
            return
        self.checked += 1
        if expected is not None:
            difference = match_output(expected.text, output, expected.lang, expected.line + 1)
            if difference:
                self.fail(block.where, f"the output differs from {expected.where}-{expected.end_line}\n"
                          f"    example:\n{indent(block.text)}\n    difference: {difference}\n"
                          f"    actual output:\n{indent(output[:3000])}")

    def run_request(self, block: Block) -> str:
        try:
            request = parse_request(block)
        except ValueError as error:
            raise Failure(str(error))
        status, body = send(self.spaces.real_server(), request.method, request.path, request.body,
                            FHIR_JSON if request.method == "POST" else "")
        if status != request.status:
            raise Failure(f"HTTP {status}, expected {request.status}: {body[:300]}")
        return body

    def run_command(self, command: str, workspace: str, fixture: bool) -> str:
        words = words_of(command)
        program, sub = program_of(words)
        if not fixture and program == "medcode-indexer" and sub in ("build", "update"):
            raise Failure("this would rebuild the shared full index: mark the block <!-- example: fixture corpus -->")
        command = VERSION_NAME.sub(lambda m: self.newest_version(m, words, workspace), command)
        if LOCAL_URL.search(command):
            if fixture:
                raise Failure("curl examples run on the full index only")
            command = LOCAL_URL.sub(self.spaces.real_server(), command)
        if program == "medcode-server":
            return self.check_server(words_of(command), workspace)
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=workspace, capture_output=True,
                                text=True, timeout=600)
        if result.returncode != 0:
            raise Failure(f"`{command}` exited {result.returncode}\n    stderr: {result.stderr.strip()[:2000]}")
        return result.stdout

    def newest_version(self, match: "re.Match[str]", words: List[str], workspace: str) -> str:
        if "--root" not in words or words.index("--root") + 1 >= len(words):
            return match.group(0)
        releases = os.path.join(workspace, words[words.index("--root") + 1], "releases")
        names = sorted(n for n in (os.listdir(releases) if os.path.isdir(releases) else [])
                       if VERSION_NAME.fullmatch(n) and VERSION_NAME.fullmatch(n).group(1) == match.group(1))
        if not names:
            raise Failure(f"no version of {match.group(1)} under {releases} to stand for {match.group(0)}")
        return names[-1]

    def check_server(self, words: List[str], workspace: str) -> str:
        server, url = self.programs.start_server(words, workspace)
        try:
            status, body = get(url, "/healthz")
            if status != 200 or json.loads(body).get("status") != "ok":
                raise Failure(f"{' '.join(words)}: /healthz answered {status} {body[:300]}")
        finally:
            self.programs.stop(server)
        return ""

    # Prose ------------------------------------------------------------------------------

    def check_paragraph(self, paragraph: Paragraph, errors: List[str]) -> None:
        directive = paragraph.directive
        if directive and directive.kind == "not checked":
            self.not_checked.append(f"{paragraph.doc}:{paragraph.line}: {directive.arg}")
            return
        if directive and directive.kind != "flags":
            self.fail(f"{paragraph.doc}:{paragraph.line}", f"<!-- example: {directive.kind} --> must come before a block")
            return
        for arrow in find_arrows(paragraph, errors):
            if not self.wanted(arrow.doc, arrow.line):
                continue
            if not self.spaces.has_real_index():
                self.skipped_real.append(arrow.where)
                continue
            self.check_arrow(arrow)
        if not directive:
            self.check_named_flags(f"{paragraph.doc}:{paragraph.line}", paragraph.text, commands=False)

    def search(self, *args: str) -> str:
        command = [os.path.join(self.programs.bin_dir, "medcode-search"), "--index", self.spaces.real_index, *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise Failure(f"{' '.join(command)} exited {result.returncode}: {result.stderr.strip()}")
        return result.stdout

    def xapian_query(self, text: str) -> str:
        if text not in self.explained:
            out = self.search("--explain", text)
            found = re.search(r"^xapian query: (.*)$", out, re.M)
            self.explained[text] = found.group(1) if found else ""
        return self.explained[text]

    def check_arrow(self, arrow: Arrow) -> None:
        self.checked += 1
        try:
            if arrow.codes:
                results = json.loads(self.search("--json", "--limit", "10", arrow.query)).get("results", [])
                codes = [r["code"] for r in results]
                if codes[:len(arrow.codes)] != arrow.codes:
                    self.fail(arrow.where, f"{arrow.text}: medcode-search \"{arrow.query}\" ranks "
                              f"{', '.join(codes[:5]) or 'nothing'} first")
                return
            query = self.xapian_query(arrow.query)
            for word in arrow.words:
                term = re.search(r"\bZ([a-z0-9]+)", self.xapian_query(word))
                if term and not re.search(rf"(?<![A-Za-z0-9])Z{re.escape(term.group(1))}(?![a-z0-9])", query):
                    self.fail(arrow.where, f"{arrow.text}: the query of \"{arrow.query}\" has no Z{term.group(1)} "
                              f"(\"{word}\"): {query[:400]}")
                    return
        except Failure as failure:
            self.fail(arrow.where, str(failure))

    # Flags ------------------------------------------------------------------------------

    def check_flag_lists(self, documents: List[Document]) -> None:
        """Each flags paragraph lists exactly the flags of its commands, and every command has one."""
        covered = set()
        for document in documents:
            for paragraph in document.paragraphs:
                if not paragraph.directive or paragraph.directive.kind != "flags":
                    continue
                where = f"{paragraph.doc}:{paragraph.line}"
                names = paragraph.directive.arg.split()
                program, subs = names[0], names[1:] or [""]
                if program not in PROGRAMS:
                    self.fail(where, f"<!-- flags: {paragraph.directive.arg} -->: not a medcode program")
                    continue
                accepted = set()
                for sub in subs:
                    accepted |= self.programs.flags(program, sub)
                    covered.add((program, sub))
                listed = set(flags_in(paragraph.text))
                self.checked += 1
                command = " ".join([program] + subs).strip()
                for flag in sorted(accepted - listed):
                    self.fail(where, f"{command} accepts --{flag} (see its --help), which this paragraph does not list")
                for flag in sorted(listed - accepted):
                    self.fail(where, f"this paragraph lists --{flag}, which {command} does not accept")
        for program, sub in FLAG_COMMANDS:
            if (program, sub) not in covered:
                name = f"{program} {sub}".strip()
                self.failures.append(f"{DOCS[0]}: no <!-- flags: {name} --> paragraph lists the flags of {name}")

    def flag_exists(self, flag: str, program: str, sub: str) -> bool:
        if program in PROGRAMS:
            subs = [sub] if sub or program != "medcode-indexer" else INDEXER_SUBCOMMANDS
            return any(flag in self.programs.flags(program, s) for s in subs)
        if program:  # a script or benchmark: the flag is in its source
            built = program.startswith("build/bin/")
            for candidate in [os.path.join("bench", os.path.basename(program) + ".cc")] if built else [program]:
                path = os.path.join(self.source, candidate)
                if os.path.isfile(path):
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        return "--" + flag in handle.read()
            return False
        return any(self.flag_exists(flag, p, "") for p in PROGRAMS) or self.flag_in_scripts(flag)

    def flag_in_scripts(self, flag: str) -> bool:
        for folder in ("scripts", "bench", "corpus"):
            for name in os.listdir(os.path.join(self.source, folder)):
                path = os.path.join(self.source, folder, name)
                if os.path.isfile(path):
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        if "--" + flag in handle.read():
                            return True
        return False

    def check_named_flags(self, where: str, text: str, commands: bool) -> None:
        """Every --flag named exists: in the command it follows, or in some program or script."""
        pieces = command_lines(text) if commands else INLINE_CODE.findall(text)
        named = [(p, words_of(p)) for p in pieces]
        if not commands:
            bare = INLINE_CODE.sub(" ", text)
            named.append((bare, []))
        for piece, words in named:
            program, sub = program_of(words) if words else ("", "")
            if program and program not in PROGRAMS and "/" not in program:
                program = ""  # a word, not a program: `--system cpt`
            for flag in flags_in(piece):
                if not self.flag_exists(flag, program, sub):
                    self.fail(where, f"--{flag} ({program + ' ' + sub if program else 'named'}) is accepted by "
                              "no program or script: " + " ".join(piece.split())[:120])

    # The whole run ----------------------------------------------------------------------

    def run(self) -> int:
        documents = [parse_document(os.path.join(self.source, d), d) for d in DOCS]
        try:
            for document in documents:
                self.check_document(document)
                errors: List[str] = []
                for paragraph in document.paragraphs:
                    self.check_paragraph(paragraph, errors)
                self.failures += errors
            if not self.only:
                self.check_flag_lists(documents)
        finally:
            self.programs.stop_all()
        for failure in self.failures:
            print("FAIL " + failure + "\n")
        print(f"docs examples: {self.checked} checked, {len(self.failures)} failed, "
              f"{len(self.not_checked)} marked not checked, {len(self.skipped_real)} skipped without the full index")
        for reason in self.not_checked:
            print("  not checked: " + reason)
        if self.failures:
            return 1
        if self.skipped_real:
            print("skipped: no full index at " + self.spaces.real_index +
                  " (no official corpus: ../shared/corpus, MEDCODE_CORPUS); the fixture examples and flags passed")
            return 77
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True, help="the repository (where README.md is)")
    parser.add_argument("--bin", required=True, help="the directory of the built programs")
    parser.add_argument("--index", required=True, help="the full index (tests/build_real_corpus_index.sh)")
    parser.add_argument("--fixture-tool", required=True, help="write_fixture_corpus, which lays out the fixture corpus")
    parser.add_argument("--only", help="FILE or FILE:LINE: only the examples there (flag lists are then not checked)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directories (printed)")
    args = parser.parse_args()
    for name in ("source", "bin", "index", "fixture_tool"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    checker = Checker(args)
    try:
        return checker.run()
    finally:
        if args.keep:
            print("scratch directories kept in " + checker.spaces.root)
        else:
            checker.spaces.remove()


if __name__ == "__main__":
    sys.exit(main())
