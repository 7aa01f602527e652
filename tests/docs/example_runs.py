"""What the docs examples run in: the built programs (their --help flags, medcode-server
started on a free port and stopped), the scratch directories on the full index or the
fixture corpus, and how a block's commands are read."""

import http.client
import os
import re
import select
import shlex
import shutil
import subprocess
import tempfile
import threading
from typing import Dict, List, Optional, Tuple

PROGRAMS = ("medcode-search", "medcode-server", "medcode-indexer")
INDEXER_SUBCOMMANDS = ("build", "update", "diff", "publish", "list", "rollback")


class Failure(Exception):
    pass


def numbered_commands(text: str) -> List[Tuple[int, str]]:
    """The commands of a block with the offset of their first line: lines joined at a
    trailing backslash, comments and blank lines dropped."""
    commands, current, first = [], "", 0
    for offset, line in enumerate(text.split("\n")):
        if not current:
            first = offset
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip() and not current.strip().startswith("#"):
            commands.append((first, current.strip()))
        current = ""
    return commands


def command_lines(text: str) -> List[str]:
    return [command for _, command in numbered_commands(text)]


def words_of(command: str) -> List[str]:
    try:
        return shlex.split(command, comments=True)
    except ValueError:
        return command.split()


def program_of(words: List[str]) -> Tuple[str, str]:
    """("medcode-indexer", "build") for build/bin/medcode-indexer build ...; the first word of a pipe's last part."""
    for start in range(len(words)):
        if start == 0 or words[start - 1] == "|":
            name = os.path.basename(words[start])
            if name in PROGRAMS:
                sub = words[start + 1] if name == "medcode-indexer" and start + 1 < len(words) else ""
                return name, sub if sub in INDEXER_SUBCOMMANDS else ""
    return (words[0], "") if words else ("", "")


def indent(text: str) -> str:
    return "\n".join("      " + line for line in text.rstrip("\n").split("\n"))


class Programs:
    """The built programs, and the medcode-server processes started on them."""

    def __init__(self, bin_dir: str):
        self.bin_dir = bin_dir
        self.help_flags: Dict[Tuple[str, str], set] = {}
        self.servers: List[subprocess.Popen] = []

    def flags(self, program: str, sub: str = "") -> set:
        if (program, sub) not in self.help_flags:
            args = [os.path.join(self.bin_dir, program)] + ([sub] if sub else []) + ["--help"]
            out = subprocess.run(args, capture_output=True, text=True, timeout=30).stdout
            self.help_flags[(program, sub)] = set(re.findall(r"^\s+(?:-\w \[ )?--([a-z][a-z0-9-]*)", out, re.M)) - {"help"}
        return self.help_flags[(program, sub)]

    def start_server(self, args: List[str], cwd: str) -> Tuple[subprocess.Popen, str]:
        """Starts medcode-server with args on a free loopback port; returns it and its base URL."""
        args = list(args)
        if "--listen" in args:
            del args[args.index("--listen"):args.index("--listen") + 2]
        args += ["--listen", "127.0.0.1:0"] + ([] if "--threads" in args else ["--threads", "2"])
        server = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.servers.append(server)
        ready, _, _ = select.select([server.stdout], [], [], 60)
        line = server.stdout.readline() if ready else ""
        found = re.search(r"on (http://[\d.]+:\d+)/", line)
        if not found:
            server.kill()
            raise Failure(f"`{' '.join(args)}` did not start: {line.strip() or 'no output in 60 s'}")
        # Whatever it prints later is drained, so a full pipe never stalls it.
        threading.Thread(target=server.stdout.read, daemon=True).start()
        return server, found.group(1)

    def stop(self, server: subprocess.Popen) -> None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    def stop_all(self) -> None:
        for server in self.servers:
            if server.poll() is None:
                self.stop(server)


def get(url: str, path: str) -> Tuple[int, str]:
    return send(url, "GET", path)


def send(url: str, method: str, path: str, body: str = "", content_type: str = "") -> Tuple[int, str]:
    """One request to the server at url; returns the status and the body."""
    host, port = url[len("http://"):].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    headers = {"Content-Type": content_type} if content_type else {}
    connection.request(method, path, body.encode("utf-8") if body else None, headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    return response.status, body


class Workspaces:
    """Scratch directories the commands run in: one on the full index, one per document on the fixture corpus."""

    def __init__(self, programs: Programs, real_index: str, fixture_tool: str):
        self.programs = programs
        self.real_index = real_index
        self.fixture_tool = fixture_tool
        self.root = tempfile.mkdtemp(prefix="medcode-docs-")
        self.made: Dict[str, str] = {}
        self.fixture: Optional[Tuple[str, str]] = None
        self.real_server_url = ""

    def has_real_index(self) -> bool:
        return os.path.isdir(self.real_index)

    def real(self, files: Dict[str, str]) -> str:
        if "real" not in self.made:
            path = self.made["real"] = os.path.join(self.root, "real")
            os.makedirs(os.path.join(path, "build"))
            os.makedirs(os.path.join(path, "var"))
            os.symlink(self.programs.bin_dir, os.path.join(path, "build", "bin"))
            os.symlink(self.real_index, os.path.join(path, "var", "index"))
        return self.with_files(self.made["real"], files)

    def fixture_corpus(self) -> Tuple[str, str]:
        if self.fixture is None:
            where = os.path.join(self.root, "fixture-corpus")
            result = subprocess.run([self.fixture_tool, where], capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                raise Failure(f"{self.fixture_tool} {where} failed: {result.stderr.strip()}")
            self.fixture = (os.path.join(where, "corpus"), os.path.join(where, "manifest.tsv"))
        return self.fixture

    def fixture_for(self, doc: str, files: Dict[str, str]) -> str:
        key = "fixture " + doc
        if key not in self.made:
            corpus, manifest = self.fixture_corpus()
            path = self.made[key] = os.path.join(self.root, "fixture-" + re.sub(r"\W", "-", doc))
            bin_dir = os.path.join(path, "build", "bin")
            os.makedirs(bin_dir)
            os.makedirs(os.path.join(path, "var"))
            for name in ("medcode-search", "medcode-server"):
                os.symlink(os.path.join(self.programs.bin_dir, name), os.path.join(bin_dir, name))
            indexer = os.path.join(self.programs.bin_dir, "medcode-indexer")
            with open(os.path.join(bin_dir, "medcode-indexer"), "w") as wrapper:
                wrapper.write("#!/usr/bin/env bash\n# medcode-indexer on the fixture corpus (tests/docs).\n"
                              'case "${1:-}" in build|update|diff) exec ' + shlex.quote(indexer) +
                              ' "$@" --corpus ' + shlex.quote(corpus) + " --manifest " + shlex.quote(manifest) +
                              ";; esac\nexec " + shlex.quote(indexer) + ' "$@"\n')
            os.chmod(os.path.join(bin_dir, "medcode-indexer"), 0o755)
        return self.with_files(self.made[key], files)

    @staticmethod
    def with_files(path: str, files: Dict[str, str]) -> str:
        for name, text in files.items():
            with open(os.path.join(path, name), "w", encoding="utf-8") as out:
                out.write(text + "\n")
        return path

    def real_server(self) -> str:
        if not self.real_server_url:
            _, self.real_server_url = self.programs.start_server(
                [os.path.join(self.programs.bin_dir, "medcode-server"), "--index", self.real_index], self.root)
        return self.real_server_url

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
