#!/usr/bin/env python3
"""Runs HL7's terminology ecosystem test suite against medcode-server's /fhir endpoint.

HL7's own runner is the Java validator's -txtests mode; this one follows it
(TxTester in org.hl7.fhir.core): each test's request Parameters gets its suite's
setup resources as tx-resource parameters and the profile's parameters, is sent
as R4 by POST, and the answer is converted back to R5, scrubbed, sorted and
matched against the expected response (tx_normalize, tx_match).

  tx_test_runner.py --server-binary build/bin/medcode-server --index DIR [--modes general,flat]
  tx_test_runner.py --url http://127.0.0.1:8080/fhir --suite simple-cases --verbose

It prints pass and fail per suite, and exits 1 when fewer tests pass than
--expect-passes.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tx_convert  # noqa: E402
import tx_match  # noqa: E402
import tx_normalize  # noqa: E402

# The endpoint each test operation is sent to (as the Java terminology client sends it).
ENDPOINTS = {
    "expand": "ValueSet/$expand",
    "validate-code": "ValueSet/$validate-code",
    "cs-validate-code": "CodeSystem/$validate-code",
    "lookup": "CodeSystem/$lookup",
    "translate": "ConceptMap/$translate",
    "batch-validate": "ValueSet/$batch-validate-code",
}
FHIR_VERSION = "4.0.1"
SKIPPED = 77  # ctest's SKIP_RETURN_CODE
FHIR_JSON = "application/fhir+json"


def read_json(path):
    # Some of the suite's files start with a UTF-8 byte order mark.
    with open(path, encoding="utf-8-sig") as handle:
        return json.load(handle)


def wanted(item, modes):
    """A suite or test without a mode always runs; one with a mode runs when that mode is asked for."""
    if "modes" in item and any(mode in modes for mode in item["modes"]):
        return True
    return "mode" not in item or item["mode"] in modes


def choose_file(test, name, modes):
    for mode in sorted(modes):
        if name + ":" + mode in test:
            return test[name + ":" + mode]
    return test.get(name)


class Server:
    """The medcode-server under test: one the runner starts, or one already listening."""

    def __init__(self, url=None, binary=None, index=None, log_path=None):
        self.process = None
        self.url = url
        if url is None:
            port = _free_port()
            self.url = "http://127.0.0.1:%d/fhir" % port
            log = open(log_path or os.devnull, "w")
            self.process = subprocess.Popen([binary, "--index", index, "--listen", "127.0.0.1:%d" % port],
                                            stdout=log, stderr=subprocess.STDOUT)
            self._wait_until_up()

    def _wait_until_up(self):
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("medcode-server exited with status %d before it answered" % self.process.returncode)
            try:
                urllib.request.urlopen(self.url + "/metadata", timeout=2).read()
                return
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                time.sleep(0.2)
        raise SystemExit("medcode-server did not answer %s/metadata within 60 s" % self.url)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def call(self, method, path, body=None, headers=None):
        """(HTTP status, parsed JSON body or None, raw text)."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.url + "/" + path, data=data, method=method)
        request.add_header("Accept", FHIR_JSON)
        if data is not None:
            request.add_header("Content-Type", FHIR_JSON)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
        try:
            return status, json.loads(text), text
        except ValueError:
            return status, None, text


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_ok(expected, status):
    low = {"2xx": 200, "3xx": 300, "4xx": 400, "5xx": 500}.get(expected)
    if low is None:
        raise ValueError("unknown http-code %r in test-cases.json" % expected)
    return low <= status < low + 100


class Runner:
    def __init__(self, tests_dir, server, modes, output_dir=None):
        self.tests_dir = tests_dir
        self.server = server
        self.modes = set(modes)
        self.output_dir = output_dir
        self.default_profile = read_json(os.path.join(tests_dir, "parameters-default.json"))

    def path(self, name):
        return os.path.join(self.tests_dir, name)

    def run_test(self, suite, test, setup):
        """None when the test passes, else why it failed."""
        operation = test["operation"]
        expected_name = choose_file(test, "response", self.modes)
        expected = read_json(self.path(expected_name))
        headers = {}
        if test.get("Accept-Language"):
            headers["Accept-Language"] = test["Accept-Language"]
        header = test.get("header")
        if header and ("mode" not in header or header["mode"] in self.modes):
            headers[header["name"]] = header["value"]

        if operation in ("metadata", "term-caps"):
            path = "metadata" if operation == "metadata" else "metadata?mode=terminology"
            status, answer, text = self.server.call("GET", path, headers=headers)
            pattern_mode = True
        elif operation in ENDPOINTS:
            request = tx_convert.to_r4(read_json(self.path(choose_file(test, "request", self.modes))))
            parameters = request.setdefault("parameter", [])
            parameters.extend({"name": "tx-resource", "resource": resource} for resource in setup)
            profile = read_json(self.path(test["profile"])) if "profile" in test else self.default_profile
            parameters.extend(profile.get("parameter", []))
            status, answer, text = self.server.call("POST", ENDPOINTS[operation], request, headers)
            pattern_mode = False
        else:
            return "operation %r is not run by this runner" % operation

        if answer is None or not isinstance(answer, dict):
            return "HTTP %d with a body that is not JSON: %s" % (status, text[:200])
        ok = 200 <= status < 300
        tx_convert.to_r5(answer)
        tx_normalize.normalize_answer(answer, ok)
        matcher = tx_match.Matcher(self.modes, {"version": FHIR_VERSION}, pattern_mode)
        why = matcher.compare(expected, answer)
        if why is None and not status_ok(test.get("http-code", "2xx"), status):
            why = "HTTP status should be %s but is %d" % (test.get("http-code", "2xx"), status)
        if why is not None and self.output_dir:
            self._keep(expected_name, answer)
        return why

    def _keep(self, expected_name, answer):
        target = os.path.join(self.output_dir, "actual", expected_name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(answer, handle, indent=2, ensure_ascii=False)

    def run(self, only_suite=None, only_test=None, verbose=False):
        cases = read_json(self.path("test-cases.json"))
        results = []
        for suite in cases["suites"]:
            if not wanted(suite, self.modes) or suite.get("disabled") or (only_suite and suite["name"] != only_suite):
                continue
            setup = [tx_convert.to_r4(read_json(self.path(name))) for name in suite.get("setup", [])]
            for test in suite["tests"]:
                if not wanted(test, self.modes) or test.get("disabled"):
                    continue
                if only_test and only_test not in test["name"]:
                    continue
                try:
                    why = self.run_test(suite, test, setup)
                except (OSError, ValueError) as error:
                    why = "runner error: %s" % error
                results.append({"suite": suite["name"], "test": test["name"], "operation": test["operation"],
                                "passed": why is None, "why": why})
                if verbose and why:
                    print("FAIL %s/%s: %s" % (suite["name"], test["name"], why[:400]))
        return results


def print_table(results):
    suites = {}
    for result in results:
        counts = suites.setdefault(result["suite"], [0, 0])
        counts[0 if result["passed"] else 1] += 1
    width = max([len(name) for name in suites] + [5])
    print("%-*s  %6s  %6s" % (width, "suite", "pass", "fail"))
    for name, (passed, failed) in suites.items():
        print("%-*s  %6d  %6d" % (width, name, passed, failed))
    passed = sum(1 for r in results if r["passed"])
    print("%-*s  %6d  %6d   (%.1f%% of %d)" % (width, "total", passed, len(results) - passed,
                                               100.0 * passed / max(1, len(results)), len(results)))
    return passed


def default_tests_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "fhir-tx-tests", "tests"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", default=os.environ.get("MEDCODE_TX_TESTS", default_tests_dir()),
                        help="the suite's tests/ folder (holds test-cases.json)")
    parser.add_argument("--url", help="the /fhir base of a running medcode-server")
    parser.add_argument("--server-binary", help="medcode-server to start for the run")
    parser.add_argument("--index", help="the index that server opens")
    parser.add_argument("--modes", default="general,flat", help="comma-separated modes to run (default general,flat)")
    parser.add_argument("--suite", help="run only this suite")
    parser.add_argument("--test", help="run only tests whose name contains this")
    parser.add_argument("--expect-passes", type=int, default=0, help="fail when fewer tests than this pass")
    parser.add_argument("--results", help="write every test's result to this JSON file")
    parser.add_argument("--output", help="write each failing test's normalized answer under this folder")
    parser.add_argument("--verbose", action="store_true", help="print why each failing test failed")
    parser.add_argument("--skip-missing", action="store_true",
                        help="exit 77 (ctest's skip) when the suite or the index is absent (a machine without ../shared)")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.tests, "test-cases.json")):
        message = "no HL7 terminology tests at %s: give --tests DIR or MEDCODE_TX_TESTS" % args.tests
        if args.skip_missing:
            print("skipped: " + message)
            return SKIPPED
        print(message, file=sys.stderr)
        return 2
    if not args.url and not (args.server_binary and args.index):
        print("give --url of a running server, or --server-binary and --index to start one", file=sys.stderr)
        return 2
    if args.index and not os.path.isdir(args.index):
        print("no index at %s" % args.index, file=sys.stderr)
        return SKIPPED if args.skip_missing else 2

    if args.output:
        os.makedirs(args.output, exist_ok=True)
    server = Server(url=args.url, binary=args.server_binary, index=args.index,
                    log_path=os.path.join(args.output, "server.log") if args.output else None)
    try:
        modes = [mode for mode in args.modes.split(",") if mode]
        runner = Runner(args.tests, server, modes, args.output)
        results = runner.run(args.suite, args.test, args.verbose)
    finally:
        server.stop()
    passed = print_table(results)
    if args.results:
        with open(args.results, "w", encoding="utf-8") as handle:
            json.dump(results, handle, indent=1)
    if passed < args.expect_passes:
        print("FAILED: %d tests passed, fewer than the %d expected" % (passed, args.expect_passes), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
