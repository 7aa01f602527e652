"""Scrubs and sorts an answer before it is compared with an HL7 test's expected response.

HL7's Java runner does the same to what a server returns (TxTesterScrubbers and
TxTesterSorters in org.hl7.fhir.core): narrative, meta, diagnostics and
extensions the tests do not manage are dropped; arrays whose order the
specification leaves open are sorted, so the expected files can list them in
one order.
"""
import functools

# Extensions the tests check; any other absolute-URL extension is dropped before comparing.
MANAGED_EXTENSIONS = frozenset("""
http://hl7.org/fhir/StructureDefinition/codesystem-alternate
http://hl7.org/fhir/StructureDefinition/codesystem-conceptOrder
http://hl7.org/fhir/StructureDefinition/codesystem-label
http://hl7.org/fhir/StructureDefinition/coding-sctdescid
http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status
http://hl7.org/fhir/StructureDefinition/itemWeight
http://hl7.org/fhir/StructureDefinition/rendering-style
http://hl7.org/fhir/StructureDefinition/rendering-xhtml
http://hl7.org/fhir/StructureDefinition/translation
http://hl7.org/fhir/StructureDefinition/valueset-concept-definition
http://hl7.org/fhir/StructureDefinition/valueset-conceptOrder
http://hl7.org/fhir/StructureDefinition/valueset-deprecated
http://hl7.org/fhir/StructureDefinition/valueset-label
http://hl7.org/fhir/StructureDefinition/valueset-supplement
http://hl7.org/fhir/test/CodeSystem/de-multi
http://hl7.org/fhir/test/CodeSystem/en-multi
http://hl7.org/fhir/test/StructureDefinition/unknown-extension-1
http://hl7.org/fhir/test/StructureDefinition/unknown-extension-3
http://hl7.org/fhir/test/StructureDefinition/unknown-extension-4
http://hl7.org/fhir/test/StructureDefinition/unknown-extension-5
http://hl7.org/fhir/test/ValueSet/extensions-bad-supplement
http://hl7.org/fhir/test/ValueSet/simple-all
http://hl7.org/fhir/test/ValueSet/simple-enumerated
http://hl7.org/fhir/StructureDefinition/alternate-code-use
http://hl7.org/fhir/StructureDefinition/alternate-code-status
http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id
http://hl7.org/fhir/test/ValueSet/simple-filter-isa
http://hl7.org/fhir/StructureDefinition/valueset-unclosed
http://hl7.org/fhir/StructureDefinition/valueset-unclosed-reason
""".split())

_ABSOLUTE_PREFIXES = ("http:", "https:", "urn:", "ftp:", "file:", "mailto:")


def _is_managed(extension):
    url = extension.get("url", "") if isinstance(extension, dict) else ""
    return not url.startswith(_ABSOLUTE_PREFIXES) or url in MANAGED_EXTENSIONS


def scrub_extensions(node, in_compose=False):
    """Drops unmanaged extensions everywhere but inside ValueSet.compose, which is echoed as sent."""
    if isinstance(node, list):
        for item in node:
            scrub_extensions(item, in_compose)
        return
    if not isinstance(node, dict) or in_compose:
        return
    if isinstance(node.get("extension"), list):
        node["extension"] = [ext for ext in node["extension"] if _is_managed(ext)]
        if not node["extension"]:
            del node["extension"]
    for name, value in node.items():
        scrub_extensions(value, in_compose=(name == "compose" and node.get("resourceType") == "ValueSet"))


def scrub_domain_resource(resource):
    resource.pop("text", None)
    resource.pop("meta", None)
    scrub_extensions(resource)


def scrub_operation_outcome(outcome):
    scrub_domain_resource(outcome)
    issues = [issue for issue in outcome.get("issue", []) if not ("diagnostics" in issue and "details" not in issue)]
    for issue in issues:
        if "diagnostics" in issue and "x-request-id" not in issue["diagnostics"].lower():
            del issue["diagnostics"]
    outcome["issue"] = issues


def scrub_parameters(parameters):
    parameters.pop("meta", None)
    parameters["parameter"] = [p for p in parameters.get("parameter", []) if p.get("name") != "diagnostics"]
    for parameter in parameters["parameter"]:
        resource = parameter.get("resource")
        if not isinstance(resource, dict):
            continue
        kind = resource.get("resourceType")
        if kind == "ValueSet":
            scrub_domain_resource(resource)
        elif kind == "OperationOutcome":
            scrub_operation_outcome(resource)
        elif kind == "Parameters":
            scrub_parameters(resource)


# --- sorting ------------------------------------------------------------------------------
def primitive_of(element, prefix="value"):
    """The primitive value of a value[x] element as text ('' when it has none)."""
    for name, value in element.items():
        if name.startswith(prefix) and name != prefix and not isinstance(value, (dict, list)):
            if isinstance(value, bool):
                return "true" if value else "false"
            return str(value)
    return ""


def _compare(left, right):
    return (left > right) - (left < right)


def _sort_extensions(node):
    if isinstance(node, dict) and isinstance(node.get("extension"), list):
        for extension in node["extension"]:
            _sort_extensions(extension)
        node["extension"].sort(key=lambda e: e.get("url", ""))


def _part(parameter, name):
    for part in parameter.get("part", []):
        if part.get("name") == name:
            return part
    return None


def _by_parts(left, right, key_part):
    """HL7's order of two property or designation parameters: by key_part (code or
    language), then by value when both have one; 0 when these do not decide."""
    key_left = primitive_of(_part(left, key_part) or {}).lower()
    key_right = primitive_of(_part(right, key_part) or {}).lower()
    if key_left != key_right:
        return _compare(key_left, key_right)
    value_left = primitive_of(_part(left, "value") or {}).lower()
    value_right = primitive_of(_part(right, "value") or {}).lower()
    if value_left and value_right and value_left != value_right:
        return _compare(value_left, value_right)
    return 0


def _parameter_order(left, right):
    name_left, name_right = left.get("name", ""), right.get("name", "")
    if name_left == name_right and name_left in ("property", "designation"):
        decided = _by_parts(left, right, "code" if name_left == "property" else "language")
        if decided:
            return decided
    return _compare(name_left, name_right)


def _sort_parameter_list(parameters):
    for parameter in parameters:
        _sort_extensions(parameter)
        if isinstance(parameter.get("part"), list):
            _sort_parameter_list(parameter["part"])
    parameters.sort(key=functools.cmp_to_key(_parameter_order))


def _issue_key(issue):
    expression = issue.get("expression") or [""]
    return (issue.get("severity", ""), issue.get("code", ""), expression[0], (issue.get("details") or {}).get("text", ""))


def sort_operation_outcome(outcome):
    outcome.get("issue", []).sort(key=_issue_key)


def sort_parameters(parameters):
    _sort_parameter_list(parameters.get("parameter", []))
    for parameter in parameters.get("parameter", []):
        resource = parameter.get("resource")
        if isinstance(resource, dict) and resource.get("resourceType") == "OperationOutcome":
            sort_operation_outcome(resource)
        if isinstance(resource, dict) and resource.get("resourceType") == "Parameters":
            sort_parameters(resource)
        if parameter.get("name") == "message" and "; " in primitive_of(parameter):
            for key in list(parameter):
                if key.startswith("value"):
                    parameter[key] = "; ".join(sorted(parameter[key].split("; ")))


def _designation_order(left, right):
    if "language" in left and "language" in right:
        return _compare(left["language"], right["language"])
    return _compare(left.get("value", ""), right.get("value", ""))


def _sort_contains(entry):
    entry.get("contains", []).sort(key=lambda c: c.get("code", ""))
    _sort_extensions(entry)
    entry.get("designation", []).sort(key=functools.cmp_to_key(_designation_order))
    entry.get("property", []).sort(key=lambda p: p.get("code", ""))
    for child in entry.get("contains", []):
        _sort_contains(child)


def sort_value_set(value_set):
    _sort_extensions(value_set)
    expansion = value_set.get("expansion")
    if not isinstance(expansion, dict):
        return
    expansion.get("parameter", []).sort(key=lambda p: (p.get("name", ""), primitive_of(p)))
    expansion.get("property", []).sort(key=lambda p: (p.get("uri") is not None, p.get("uri", ""), p.get("code", "")))
    _sort_extensions(expansion)
    expansion.get("contains", []).sort(key=lambda c: c.get("code", ""))
    for entry in expansion.get("contains", []):
        _sort_contains(entry)


def sort_capability_statement(statement):
    for name in ("format", "instantiates", "imports", "acceptLanguage"):
        if isinstance(statement.get(name), list):
            statement[name].sort()
    statement.get("rest", []).sort(key=lambda r: r.get("mode", ""))
    for rest in statement.get("rest", []):
        rest.get("resource", []).sort(key=lambda r: r.get("type", ""))
        for resource in rest.get("resource", []):
            resource.get("interaction", []).sort(key=lambda i: i.get("code", ""))
            resource.get("searchParam", []).sort(key=lambda s: s.get("name", ""))
            resource.get("operation", []).sort(key=lambda o: o.get("name", ""))
        rest.get("interaction", []).sort(key=lambda i: i.get("code", ""))
        rest.get("searchParam", []).sort(key=lambda s: s.get("name", ""))
        rest.get("operation", []).sort(key=lambda o: o.get("name", ""))


def sort_terminology_capabilities(capabilities):
    capabilities.get("codeSystem", []).sort(key=lambda c: c.get("uri", ""))
    for system in capabilities.get("codeSystem", []):
        system.get("version", []).sort(key=lambda v: v.get("code", ""))
        for version in system.get("version", []):
            for name in ("language", "property"):
                if isinstance(version.get(name), list):
                    version[name].sort()
            version.get("filter", []).sort(key=lambda f: f.get("code", ""))
    (capabilities.get("expansion") or {}).get("parameter", []).sort(key=lambda p: p.get("name", ""))


def normalize_answer(answer, ok):
    """Scrubs and sorts an answer in place, as the Java runner does; an error is only scrubbed."""
    kind = answer.get("resourceType")
    if not ok or kind == "OperationOutcome":
        scrub_operation_outcome(answer)
        if not ok:
            return answer
    if kind == "ValueSet":
        scrub_domain_resource(answer)
        sort_value_set(answer)
    elif kind == "Parameters":
        scrub_parameters(answer)
        sort_parameters(answer)
    elif kind == "CapabilityStatement":
        sort_capability_statement(answer)
    elif kind == "TerminologyCapabilities":
        sort_terminology_capabilities(answer)
    return answer
