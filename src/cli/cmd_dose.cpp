// mgcramp dose: elemental magnesium in a dose of a supplement form, or the reverse.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct DoseOptions {
  std::optional<std::string> form;
  std::optional<std::string> compound_mg;
  std::optional<std::string> elemental_mg;
  ProfileInput profile;
};
}  // namespace

Run setup_dose(CLI::App& sub) {
  auto o = std::make_shared<DoseOptions>();
  sub.add_option("--form", o->form, "Supplement form (see 'mgcramp forms')")
      ->type_name("FORM")
      ->check(completes({{}, {Table::forms}}));
  sub.add_option("--compound-mg", o->compound_mg, "Weight of the compound, mg")->type_name("MG");
  sub.add_option("--elemental-mg", o->elemental_mg, "Elemental magnesium wanted, mg")
      ->type_name("MG");
  add_profile_options(sub, o->profile);
  sub.footer(R"(Give --compound-mg (how much elemental magnesium is in it?) or --elemental-mg
(how much of the compound gives that?). Without --form, every form side by
side; each form's hydration states (citrate anhydrous and nonahydrate) get a
row each. Elemental magnesium is given in mg, mmol and mEq. With a profile,
the dose is compared with that person's upper limit for supplemental
magnesium.

Examples:
  mgcramp dose --form citrate --compound-mg 500
  mgcramp dose --compound-mg 500
  mgcramp dose --form glycinate --elemental-mg 200 --age 40 --sex f)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    if (o->compound_mg.has_value() == o->elemental_mg.has_value()) {
      throw UsageError("give exactly one of --compound-mg and --elemental-mg",
                       "for example --compound-mg 500");
    }
    const Form* f = o->form ? &resolve_form(ds, *o->form) : nullptr;
    const double amount = o->compound_mg ? parse_amount("--compound-mg", *o->compound_mg)
                                         : parse_amount("--elemental-mg", *o->elemental_mg);
    std::vector<Dose> doses;
    for (const Form& form : ds.forms) {
      if (f != nullptr && &form != f) continue;
      const auto some =
          o->compound_mg ? doses_from_compound(form, amount) : doses_from_elemental(form, amount);
      doses.insert(doses.end(), some.begin(), some.end());
    }
    const Profile p = parse_profile(o->profile);
    Report r = dose_report(ds, doses, f, p);
    if (p.empty()) {
      r.note("Add --age and --sex to compare the dose with the upper limit for supplements.");
    }
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
