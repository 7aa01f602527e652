"""Converts the suite's R5 resources to the R4 our server speaks, and its R4 answers back.

Only the differences the general-mode tests touch are converted, following the
R5 "cross-version extension" rules of FHIR (http://hl7.org/fhir/5.0/StructureDefinition/extension-<path>):
an element R4 lacks travels as such an extension, and comes back as the element.
"""
import copy

CROSS_VERSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-"
CONTAINS_PROPERTY = CROSS_VERSION + "ValueSet.expansion.contains.property"
EXPANSION_PROPERTY = CROSS_VERSION + "ValueSet.expansion.property"

# R5 ConceptMap relationship codes and the R4 equivalence each reads as (read from the target's side).
_R5_RELATIONSHIP_TO_R4 = {
    "related-to": "relatedto",
    "equivalent": "equivalent",
    "source-is-narrower-than-target": "wider",
    "source-is-broader-than-target": "narrower",
    "not-related-to": "unmatched",
}


def _value_element(element):
    for name, value in element.items():
        if name.startswith("value"):
            return name, value
    return None, None


# --- R5 to R4 (requests and setup resources) ---------------------------------------------
def _concept_map_to_r4(concept_map):
    if "sourceScopeUri" in concept_map:
        concept_map["sourceUri"] = concept_map.pop("sourceScopeUri")
    if "targetScopeUri" in concept_map:
        concept_map["targetUri"] = concept_map.pop("targetScopeUri")
    for group in concept_map.get("group", []):
        for element in group.get("element", []):
            for target in element.get("target", []):
                if "relationship" in target:
                    target["equivalence"] = _R5_RELATIONSHIP_TO_R4.get(target.pop("relationship"), "relatedto")
        unmapped = group.get("unmapped")
        if isinstance(unmapped, dict):
            unmapped.pop("relationship", None)


def _code_system_to_r4(code_system):
    if "versionAlgorithmCoding" in code_system:
        code_system.setdefault("extension", []).append(
            {"url": CROSS_VERSION + "CodeSystem.versionAlgorithm", "valueCoding": code_system.pop("versionAlgorithmCoding")})
    if "versionAlgorithmString" in code_system:
        code_system.setdefault("extension", []).append(
            {"url": CROSS_VERSION + "CodeSystem.versionAlgorithm", "valueString": code_system.pop("versionAlgorithmString")})


def to_r4(resource):
    """An R4 copy of an R5 resource (Parameters are converted with the resources inside them)."""
    resource = copy.deepcopy(resource)
    _convert_tree_to_r4(resource)
    return resource


def _convert_tree_to_r4(resource):
    kind = resource.get("resourceType")
    if kind == "ConceptMap":
        _concept_map_to_r4(resource)
    elif kind == "CodeSystem":
        _code_system_to_r4(resource)
    elif kind == "Parameters":
        for parameter in resource.get("parameter", []):
            if isinstance(parameter.get("resource"), dict):
                _convert_tree_to_r4(parameter["resource"])


# --- R4 to R5 (answers) -----------------------------------------------------------------
def _extension_parts(extension):
    return {part.get("url"): part for part in extension.get("extension", [])}


def _take_extensions(element, url):
    """Removes and returns element's extensions with url (the rest stay, none left: no key)."""
    taken = [e for e in element.get("extension", []) if e.get("url") == url]
    if taken:
        remaining = [e for e in element["extension"] if e.get("url") != url]
        if remaining:
            element["extension"] = remaining
        else:
            del element["extension"]
    return taken


def _contains_to_r5(entry):
    for extension in _take_extensions(entry, CONTAINS_PROPERTY):
        parts = _extension_parts(extension)
        property_value = {"code": _value_element(parts.get("code", {}))[1]}
        name, value = _value_element(parts.get("value", {}))
        if name:
            property_value[name] = value
        entry.setdefault("property", []).append(property_value)
    for child in entry.get("contains", []):
        _contains_to_r5(child)


def _value_set_to_r5(value_set):
    expansion = value_set.get("expansion")
    if not isinstance(expansion, dict):
        return
    for extension in _take_extensions(expansion, EXPANSION_PROPERTY):
        parts = _extension_parts(extension)
        definition = {"code": _value_element(parts.get("code", {}))[1]}
        if "uri" in parts:
            definition["uri"] = _value_element(parts["uri"])[1]
        expansion.setdefault("property", []).append(definition)
    for entry in expansion.get("contains", []):
        _contains_to_r5(entry)


def to_r5(resource):
    """The R5 reading of an R4 answer, in place."""
    kind = resource.get("resourceType")
    if kind == "ValueSet":
        _value_set_to_r5(resource)
    elif kind == "Parameters":
        for parameter in resource.get("parameter", []):
            if isinstance(parameter.get("resource"), dict):
                to_r5(parameter["resource"])
    return resource
