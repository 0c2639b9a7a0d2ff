// Answers `mgcramp rda --age 25 --sex f --pregnant` through the installed
// library: the embedded dataset, a typed profile, the report, the table
// renderer. Its output must be the program's, byte for byte.
#include <cstdio>
#include <exception>
#include <string>

#include "mgcramp/io/embedded.hpp"
#include "mgcramp/query/profile.hpp"
#include "mgcramp/render/render.hpp"
#include "mgcramp/report/builders.hpp"

int main() {
  try {
    const mgcramp::Dataset& ds = mgcramp::embedded_dataset();
    mgcramp::Profile who;
    who.age_months = 25 * 12;
    who.sex = mgcramp::Sex::female;
    who.condition = mgcramp::Condition::pregnant;
    const std::string out = mgcramp::render(mgcramp::rda_report(ds, who), {});
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "consumer: %s\n", e.what());
    return 1;
  }
}
