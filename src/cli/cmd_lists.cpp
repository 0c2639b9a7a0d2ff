// mgcramp causes | remedies | interactions | symptoms: context tables, by category.
#include "cli.hpp"
#include "mgcramp/reports.hpp"

namespace mgcramp::cli {
namespace {

using ListReport = Report (*)(const Dataset&, const std::optional<std::string>&);

Run category_list(CLI::App& sub, ListReport report, const char* examples) {
  auto category = std::make_shared<std::optional<std::string>>();
  sub.add_option("--category", *category, "Only this category")->type_name("C");
  sub.footer(examples);
  return [category, report](Context& ctx) { return ctx.render(report(ctx.dataset(), *category)); };
}

}  // namespace

Run setup_causes(CLI::App& sub) {
  return category_list(sub, &causes_report, R"(Examples:
  mgcramp causes
  mgcramp causes --category medication)");
}

Run setup_remedies(CLI::App& sub) {
  return category_list(sub, &remedies_report, R"(Examples:
  mgcramp remedies
  mgcramp remedies --category drug --json)");
}

Run setup_interactions(CLI::App& sub) {
  return category_list(sub, &interactions_report, R"(Examples:
  mgcramp interactions
  mgcramp interactions --category absorption)");
}

Run setup_symptoms(CLI::App& sub) {
  struct Options {
    std::optional<std::string> condition, category;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--condition", o->condition, "deficiency or excess")->type_name("C");
  sub.add_option("--category", o->category, "Only this category")->type_name("C");
  sub.footer(R"(Examples:
  mgcramp symptoms --condition excess
  mgcramp symptoms --category neuromuscular)");
  return [o](Context& ctx) {
    return ctx.render(symptoms_report(ctx.dataset(), o->condition, o->category));
  };
}

}  // namespace mgcramp::cli
