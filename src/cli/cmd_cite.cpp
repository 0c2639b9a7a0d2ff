// mgcramp cite ID...: references for studies and sources.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_cite(CLI::App& sub) {
  struct Options {
    std::vector<std::string> ids;
    bool all = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("ids", o->ids, "Study or source ids")
      ->type_name("ID")
      ->check(completes({{}, {Table::studies, Table::sources, Table::claims}}));
  sub.add_flag("--all", o->all, "Every study and source");
  sub.footer(R"(--format bibtex or ris writes entries for a reference manager; the
default is a reference list for people, and --json one object per item.

Examples:
  mgcramp cite garrison-2020 roguin-maor-2017
  mgcramp cite garrison-2020 --format bibtex >> refs.bib
  mgcramp cite --all --format ris > mgcramp.ris)");
  return [o](Context& ctx) {
    const RenderOptions options = ctx.render_options(true);
    if (o->all && !o->ids.empty()) {
      throw UsageError("give ids or --all, not both",
                       "'mgcramp cite --all' cites every study and source");
    }
    if (!o->all && o->ids.empty()) {
      throw UsageError("cite needs at least one study or source id",
                       "for example 'mgcramp cite garrison-2020'; 'mgcramp show ID' and "
                       "'mgcramp search TEXT' find ids");
    }
    // The claims are read only when an id names no study or source.
    const Dataset* d = &ctx.dataset(table_set({Table::sources, Table::studies}));
    if (!o->all && !all_citable(*d, o->ids))
      d = &ctx.dataset(table_set({Table::sources, Table::studies, Table::claims}));
    const Dataset& ds = *d;
    const auto items = o->all ? all_citables(ds) : resolve_citables(ds, o->ids);
    // A reference manager's formats need the records only, not the table.
    const bool entries = options.format == Format::bibtex || options.format == Format::ris;
    Report r = entries ? Report{} : citations_report(items);
    if (entries) r.citations = items;
    if (options.format == Format::table) {
      r.note("--format bibtex or --format ris writes them for a reference manager.");
    }
    return mgcramp::render(r, options);
  };
}

}  // namespace mgcramp::cli
