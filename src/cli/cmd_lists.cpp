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
  sub.add_option("--category", *category, help_choices<E>())->type_name("C");
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
  return category_list<InteractionCategory>(sub, &interactions_report, R"(Examples:
  mgcramp interactions
  mgcramp interactions --category absorption)");
}

Run setup_symptoms(CLI::App& sub) {
  struct Options {
    std::optional<std::string> condition, category;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--condition", o->condition, help_choices<SymptomOf>())->type_name("C");
  sub.add_option("--category", o->category, help_choices<SymptomCategory>())->type_name("C");
  sub.footer(R"(Examples:
  mgcramp symptoms --condition excess
  mgcramp symptoms --category neuromuscular)");
  return [o](Context& ctx) {
    return ctx.render(symptoms_report(ctx.dataset(),
                                      parse_choice<SymptomOf>("--condition", o->condition),
                                      parse_choice<SymptomCategory>("--category", o->category)));
  };
}

}  // namespace mgcramp::cli
