#pragma once
// Query results shaped for the renderers: one function per command. The CLI
// parses options, calls these, and renders what they return.
#include <string>
#include <vector>

#include "mgcramp/intake.hpp"
#include "mgcramp/model.hpp"
#include "mgcramp/report.hpp"

namespace mgcramp {

// `mgcramp rda`: the reference intakes for a profile (or every life stage).
Report rda_report(const Dataset& ds, const Profile& profile);

// `mgcramp validate`: records per table.
Report validate_report(const Dataset& ds);

// Appends one "Sources:" note per cited id, resolved to its title, in the
// order first cited. Shared by every command that cites.
void add_source_notes(Report& r, const Dataset& ds, const std::vector<std::string>& ids);

// "age 25 years, female, pregnant" (empty for an empty profile).
std::string describe_profile(const Profile& p);

}  // namespace mgcramp
