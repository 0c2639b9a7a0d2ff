// mgcramp causes | remedies | interactions | symptoms: context tables, by category.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {
namespace {

template <class E>
using ListReport = Report (*)(const Dataset&, std::optional<E>);

template <class E>
Run category_list(CLI::App& sub, ListReport<E> report, const char* examples) {
  auto category = std::make_shared<std::optional<std::string>>();
  sub.add_option("--category", *category, help_choices<E>())->type_name("C")->check(completes<E>());
  sub.footer(examples);
  return [category, report](Context& ctx) {
    return ctx.render(report(ctx.dataset(), parse_choice<E>("--category", *category)));
  };
}

}  // namespace

Run setup_causes(CLI::App& sub) {
  return category_list<CauseCategory>(sub, &causes_report, R"(Examples:
  mgcramp causes
  mgcramp causes --category medication)");
}

Run setup_remedies(CLI::App& sub) {
  return category_list<RemedyCategory>(sub, &remedies_report, R"(Examples:
  mgcramp remedies
  mgcramp remedies --category drug --json)");
}

Run setup_interactions(CLI::App& sub) {
  struct Options {
    std::optional<std::string> category, medicine, med;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("medicine", o->medicine, "One medicine, generic or brand name (as --med)")
      ->type_name("NAME");
  sub.add_option("--med", o->med, "One medicine, generic or brand name, any case")
      ->type_name("NAME");
  sub.add_option("--category", o->category, help_choices<InteractionCategory>())
      ->type_name("C")
      ->check(completes<InteractionCategory>());
  sub.footer(R"(A medicine missing here is not evidence of no interaction: ask a pharmacist.

Examples:
  mgcramp interactions
  mgcramp interactions --category absorption
  mgcramp interactions --med Prilosec
  mgcramp interactions doxycycline)");
  return [o](Context& ctx) {
    if (o->medicine && o->med)
      throw UsageError("give the medicine once: as NAME or as --med NAME",
                       "mgcramp interactions --med NAME");
    const auto category = parse_choice<InteractionCategory>("--category", o->category);
    const auto& name = o->med ? o->med : o->medicine;
    if (!name) return ctx.render(interactions_report(ctx.dataset(), category));
    const MedicineLookup m = lookup_medicine(ctx.dataset(), *name, o->med ? "--med" : "medicine");
    return ctx.render(interactions_report(ctx.dataset(), category, &m));
  };
}

Run setup_symptoms(CLI::App& sub) {
  struct Options {
    std::optional<std::string> kind, condition, category;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--kind", o->kind, help_choices<SymptomOf>())
      ->type_name("K")
      ->check(completes<SymptomOf>());
  // The spelling before 0.2, kept working; --condition now names a medical
  // condition (assess), so it is no longer shown.
  sub.add_option("--condition", o->condition, "Old spelling of --kind")->type_name("K")->group("");
  sub.add_option("--category", o->category, help_choices<SymptomCategory>())
      ->type_name("C")
      ->check(completes<SymptomCategory>());
  sub.footer(R"(Examples:
  mgcramp symptoms --kind excess
  mgcramp symptoms --category neuromuscular)");
  return [o](Context& ctx) {
    const char* option = o->kind || !o->condition ? "--kind" : "--condition";
    const auto& kind = o->kind ? o->kind : o->condition;
    return ctx.render(symptoms_report(ctx.dataset(), parse_choice<SymptomOf>(option, kind),
                                      parse_choice<SymptomCategory>("--category", o->category)));
  };
}

}  // namespace mgcramp::cli
