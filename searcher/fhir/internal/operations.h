// The FHIR operations, one file each, over a RequestContext (request_context.h).
#pragma once

#include "searcher/fhir/internal/request_context.h"

namespace medcode::searcher::fhir {

struct ExpansionOptions;

FhirResponse expand_value_set(RequestContext& context);
FhirResponse validate_code(RequestContext& context, bool on_code_system);
FhirResponse batch_validate_code(RequestContext& context);
FhirResponse lookup_code(RequestContext& context);
FhirResponse subsumes_codes(RequestContext& context);
FhirResponse translate_code(RequestContext& context);
FhirResponse capability_statement(RequestContext& context, bool terminology_capabilities);

// The value set an operation names: the valueSet parameter's resource, else url (and
// valueSetVersion, or url|version), including the implicit "<system>?fhir_vs" and
// "<system>?fhir_vs=isa/<code>" ones. OperationError 404 "A definition for the value Set
// '<url>' could not be found" when it names none; 400 when neither is given.
Outcome<const ValueSetResource*> value_set_of(RequestContext& context);

// The language displays are wanted in: displayLanguage, else the Accept-Language header's
// first language, else "".
std::string display_language_of(const RequestContext& context);
// system-version, force-system-version and check-system-version ("url|version" each).
void read_version_parameters(const OperationInput& input, ExpansionOptions& options);

// A new urn:uuid and the current instant, for expansion identifiers and timestamps.
std::string new_uuid_urn();
std::string now_instant();

}  // namespace medcode::searcher::fhir
