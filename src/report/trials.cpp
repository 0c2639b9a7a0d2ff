// Reports for the evidence explorer: trials and meta.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "mgcramp/query/meta.hpp"
#include "mgcramp/render/plot.hpp"
#include "mgcramp/report/builders.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

using detail::effect_text;

constexpr std::size_t kPlotWidth = 28;

// "very low": a GRADE level in words.
std::string certainty_words(Certainty c) {
  std::string t(name_of(c));
  std::replace(t.begin(), t.end(), '-', ' ');
  return t;
}

// "oxide", "sulfate IV", "stretching": what a study tested, for people.
std::string tested_text(const Study& s) {
  const Intervention& iv = s.intervention;
  if (!iv.kind) return "-";
  std::string t = *iv.kind == InterventionKind::magnesium ? iv.form.value_or("magnesium")
                                                          : std::string(name_of(*iv.kind));
  if (iv.route && *iv.route != Route::oral)
    t += *iv.route == Route::intravenous ? " IV" : " " + std::string(name_of(*iv.route));
  return t;
}

std::string populations_text(const Study& s) {
  std::string t;
  for (Population p : s.populations) {
    if (!t.empty()) t += ", ";
    t += name_of(p);
  }
  return t;
}

// "94", "pooled 735": a study's participants for people.
std::string n_text(const Study& s) {
  const long long n = participants(s);
  if (n <= 0) return "-";
  return is_review(s.design) ? fmt::format("pooled {}", n) : fmt::format("{}", n);
}

Value tally_value(const Tally& t) {
  return Value::Object{{"studies", t.studies},  {"participants", t.participants},
                       {"benefit", t.benefit},  {"no_benefit", t.no_benefit},
                       {"mixed", t.mixed},      {"inconclusive", t.inconclusive},
                       {"not_rated", t.unrated}};
}

std::string tally_text(const Tally& t, std::string_view what) {
  return fmt::format(
      "{} {} ({} participants): benefit {}, no benefit {}, mixed {}, inconclusive {}{}.", t.studies,
      what, t.participants, t.benefit, t.no_benefit, t.mixed, t.inconclusive,
      t.unrated ? fmt::format(", not rated {}", t.unrated) : "");
}

// "garrison-2020 (systematic review), cramps per week at 4 weeks: -0.18
// [-0.84, 0.49], 5 studies, 307 participants, moderate certainty (GRADE)".
std::string pool_text(const PublishedPool& p) {
  const Outcome& o = *p.outcome;
  std::string t = fmt::format("{} ({}), {} ({}): {}", p.review->id, name_of(p.review->design),
                              info(o.measure).label, o.timepoint, effect_text(*effect_of(o)));
  if (o.k) t += fmt::format(", {} stud{}", *o.k, *o.k == 1 ? "y" : "ies");
  if (o.participants) t += fmt::format(", {} participants", *o.participants);
  t += o.certainty ? fmt::format(", {} certainty (GRADE)", certainty_words(*o.certainty))
                   : std::string(", certainty not graded");
  return t;
}

// Reviews of the population that could not pool its trials (an outcome
// with k and no effect, or only single-trial estimates), in a line each;
// `shown` is the review whose estimate leads, left out.
std::vector<std::string> unpooled_reviews(const Dataset& ds, Population pop, InterventionKind kind,
                                          const Study* shown) {
  std::vector<std::string> out;
  for (const Study& s : ds.studies) {
    if (!is_review(s.design) || s.intervention.kind != kind || &s == shown) continue;
    const Outcome* unpooled = nullptr;
    bool pooled = false;
    for (const Outcome& o : s.outcomes) {
      if (o.population != pop) continue;
      if (effect_of(o) && o.k.value_or(2) >= 2) pooled = true;
      if (!unpooled && (!effect_of(o) || o.k == 1)) unpooled = &o;
    }
    if (pooled || unpooled == nullptr) continue;
    std::string line = fmt::format("{} ({}) could not pool", s.id, name_of(s.design));
    if (!effect_of(*unpooled)) {
      line += fmt::format(" {} trials", unpooled->k.value_or(0));
      if (unpooled->participants)
        line += fmt::format(" ({} participants)", *unpooled->participants);
    } else {
      line += ": each estimate rests on one trial";
    }
    if (unpooled->certainty)
      line += fmt::format("; {} certainty", certainty_words(*unpooled->certainty));
    out.push_back(line + ".");
  }
  return out;
}

// Who an outcome's direction favours left and right of the no-effect line:
// "favours magnesium" where its effect lies (lower is better: left), or
// "lower" and "higher" for an outcome with no better direction.
std::pair<std::string, std::string> favours_sides(OutcomeMeasure m, InterventionKind kind) {
  const Better better = info(m).better;
  const std::string what =
      kind == InterventionKind::magnesium ? "magnesium" : std::string(name_of(kind));
  if (better == Better::lower) return {"favours " + what, "favours control"};
  if (better == Better::higher) return {"favours control", "favours " + what};
  return {"lower", "higher"};
}

// The caption of a text plot: its axis and what lies on each side.
std::string favours_caption(OutcomeMeasure m, InterventionKind kind, const ForestAxis& axis) {
  const MeasureInfo& mi = info(m);
  const auto [left, right] = favours_sides(m, kind);
  return fmt::format(
      "Shared axis from {:.3g} to {:.3g}{}{}{}: left of | {}, right of | {}. o estimate, [ ] "
      "95% CI, <=#=> a pooled estimate and its CI (Weight \"review\": as the review "
      "published it).",
      axis_low(axis), axis_high(axis), mi.unit.empty() ? "" : " ", mi.unit,
      axis.log ? " (log scale)" : "", left, right);
}

// "Mean difference in cramps per week": an outcome's label as an axis title.
std::string axis_title(OutcomeMeasure m) {
  std::string t(info(m).label);
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 'a' + 'A');
  return t;
}

// The pooled result as JSON: the result of `meta`, the pooled part of
// `trials --plot`.
Value meta_value(const MetaResult& m, const MetaQuery& q) {
  Value::List studies;
  for (const MetaStudy& s : m.studies) {
    studies.push_back(Value::Object{{"id", Value::ref(s.study->id)},
                                    {"estimate", s.natural.estimate},
                                    {"ci_low", s.natural.ci_low},
                                    {"ci_high", s.natural.ci_high},
                                    {"weight", s.weight},
                                    {"computed", s.natural.computed}});
  }
  Value::List published;
  for (const PublishedPool& p : m.published)
    published.push_back(detail::pool_value(*q.population, p));
  const bool random = q.model == MetaModel::random;
  Value::Object o{{"outcome", m.outcome}, {"measure", info(m.outcome).effect},
                  {"model", q.model},     {"tau2_method", random ? Value(q.tau2) : Value()},
                  {"hksj", q.hksj},       {"k", m.studies.size()}};
  if (m.pooled) {
    const auto& p = *m.pooled;
    o.insert(o.end(), {{"estimate", m.pooled_natural.estimate},
                       {"ci_low", m.pooled_natural.ci_low},
                       {"ci_high", m.pooled_natural.ci_high},
                       {"p", p.p},
                       {"i2", p.i2},
                       {"tau2", p.tau2},
                       {"q", p.q},
                       {"q_p", p.q_p},
                       {"prediction_low", m.prediction ? Value(m.prediction->ci_low) : Value()},
                       {"prediction_high", m.prediction ? Value(m.prediction->ci_high) : Value()}});
  } else {
    for (const char* k : {"estimate", "ci_low", "ci_high", "p", "i2", "tau2", "q", "q_p",
                          "prediction_low", "prediction_high"}) {
      o.emplace_back(k, Value());
    }
  }
  o.emplace_back("studies", std::move(studies));
  o.emplace_back("published", std::move(published));
  return o;
}

// "random effects (REML), HKSJ CI"
std::string model_text(const MetaQuery& q) {
  if (q.model == MetaModel::fixed) return "fixed effect (inverse variance)";
  return fmt::format("random effects ({}){}",
                     q.tau2 == Tau2Estimator::reml ? "REML" : "DerSimonian-Laird",
                     q.hksj ? ", Hartung-Knapp-Sidik-Jonkman CI" : "");
}

// The computed pooled estimate in a sentence.
std::string pooled_sentence(const MetaResult& m, const MetaQuery& q) {
  const auto& p = *m.pooled;
  std::string t = fmt::format("Pooled by mgcramp from {} stud{} ({}): {}", m.studies.size(),
                              m.studies.size() == 1 ? "y" : "ies", model_text(q),
                              effect_text(m.pooled_natural));
  if (m.studies.size() > 1) {
    t += fmt::format("; I2 {:.0f}%, tau2 {:.3g}, Q {:.2f} (p {:.2g})", p.i2, p.tau2, p.q, p.q_p);
  }
  if (m.prediction) {
    t += fmt::format("; 95% prediction interval {:.3g} to {:.3g}", m.prediction->ci_low,
                     m.prediction->ci_high);
  }
  return t + ".";
}

// The forest plot: the studies, the pooled diamond, then what reviews
// published, all on one axis. Rows for people only; returns the axis caption.
// With `figure`, the same rows, axis and sides as data (`--format svg`).
std::string add_forest_rows(Report& r, const MetaResult& m, const MetaQuery& q,
                            std::size_t label_col, std::size_t effect_col, std::size_t weight_col,
                            std::size_t plot_col, ForestPlot* figure = nullptr) {
  std::vector<Estimate> all;
  for (const MetaStudy& s : m.studies) all.push_back(s.natural);
  if (m.pooled) all.push_back(m.pooled_natural);
  for (const PublishedPool& p : m.published) all.push_back(*effect_of(*p.outcome));
  const ForestAxis axis = forest_axis(all, is_ratio(info(m.outcome).effect));
  auto row = [&](std::string label, const Estimate& e, std::optional<double> weight,
                 ForestKind kind) {
    const bool pooled = kind != ForestKind::study;
    std::vector<Cell> cells(r.columns.size());
    std::string effect = effect_text(e);
    std::string weight_text = kind == ForestKind::review ? "review"
                              : weight                   ? fmt::format("{:.1f}%", *weight)
                                                         : "";
    if (figure != nullptr) {
      figure->rows.push_back(
          {label, kind, e.estimate, e.ci_low, e.ci_high, weight, effect, weight_text});
    }
    cells[label_col] = Cell{nullptr, std::move(label)};
    cells[effect_col] = Cell{nullptr, std::move(effect)};
    cells[weight_col] = Cell{nullptr, std::move(weight_text)};
    cells[plot_col] = Cell{nullptr, forest_line(e, axis, kPlotWidth, pooled)};
    r.add_row(std::move(cells));
  };
  for (const MetaStudy& s : m.studies) row(s.study->id, s.natural, s.weight, ForestKind::study);
  if (m.pooled) {
    row(m.studies.size() == 1
            ? std::string("Pooled (1 study)")
            : fmt::format("Pooled ({})", q.model == MetaModel::fixed ? "fixed" : "random"),
        m.pooled_natural, 100.0, ForestKind::pooled);
  }
  for (const PublishedPool& p : m.published)
    row(p.review->id, *effect_of(*p.outcome), std::nullopt, ForestKind::review);
  if (figure != nullptr) {
    figure->axis = axis;
    figure->axis_title = axis_title(m.outcome);
    std::tie(figure->left, figure->right) = favours_sides(m.outcome, q.intervention);
  }
  return favours_caption(m.outcome, q.intervention, axis);
}

void add_meta_notes(Report& r, const MetaResult& m) {
  for (const MetaLeftOut& l : m.left_out) {
    r.notice("meta-left-out", NoticeLevel::info,
             fmt::format("{} is left out: {}.", l.study->id, l.why));
  }
  for (const Study* s : m.corrected) {
    r.notice("meta-zero-cell", NoticeLevel::info,
             fmt::format("{} has a zero cell: 0.5 was added to each of its four cells.", s->id));
  }
  for (const MetaStudy& s : m.studies) {
    if (s.natural.computed)
      r.note(fmt::format("{}: effect computed from the published arm figures.", s.study->id),
             NoteLevel::info);
  }
  if (m.pooled && !m.pooled->converged) {
    r.notice("meta-not-converged", NoticeLevel::caution, "REML did not converge; try --tau2 dl.");
  }
  if (m.pooled && m.studies.size() == 1) {
    r.notice("meta-one-study", NoticeLevel::info,
             "Only one study reports this outcome: the \"pooled\" estimate is that study's.");
  }
  if (!m.pooled || m.published.empty()) return;
  const Estimate& mine = m.pooled_natural;
  for (const PublishedPool& p : m.published) {
    const Estimate e = *effect_of(*p.outcome);
    const bool differ = std::fabs(e.estimate - mine.estimate) >
                        0.1 * std::max(std::fabs(e.ci_high - e.ci_low), 1e-9);
    const long long k = p.outcome->k.value_or(0);
    std::string why;
    if (differ) {
      why = k > 0 && static_cast<std::size_t>(k) != m.studies.size()
                ? fmt::format(
                      " They differ: the review pooled {} stud{}, mgcramp {} (other "
                      "trials, or figures the review had from the authors).",
                      k, k == 1 ? "y" : "ies", m.studies.size())
                : " They differ: the review may have used other figures of the same trials "
                  "(per-person data or paired analyses from the authors).";
    }
    r.note(fmt::format("Published: {}.{}", pool_text(p), why));
  }
}

}  // namespace

Report trials_report(const Dataset& ds, const TrialQuery& q, bool plot) {
  auto studies = find_trials(ds, q);
  const InterventionKind kind = q.intervention.value_or(InterventionKind::magnesium);
  Report r;
  r.title = q.all || q.design || q.designs != DesignSet::trials || q.intervention
                ? "Studies"
                : "Randomized trials of magnesium";
  r.query.add("population", q.population);
  r.query.add("form", q.form);
  r.query.add("design", q.design ? Value(q.design) : Value(q.designs));
  r.query.add("intervention", q.all ? Value("all") : Value(kind));
  r.query.add("result", q.result);
  r.query.add("since", q.since);
  r.query.add("min_n", q.min_n);
  r.query.add("sort", q.sort);
  r.query.add("all", q.all);
  r.query.add("plot", plot);
  // The forest plot draws one outcome: the one asked, or the one most of the
  // listed studies report.
  std::optional<OutcomeMeasure> measure = q.outcome;
  if (plot && !measure) {
    std::vector<const Study*> primary;
    for (const Study* s : studies)
      if (is_primary_human(*s)) primary.push_back(s);
    measure = common_measure(primary);
  }
  if (plot) {
    r.title =
        measure ? fmt::format("Forest plot: {}", info(*measure).label) : std::string("Forest plot");
  }
  r.query.add("outcome", measure);

  // The pooled answer first, for each population the trials cover.
  std::vector<Population> pops;
  if (q.population) {
    pops.push_back(*q.population);
  } else {
    for (const Study* s : studies)
      for (Population p : s->populations)
        if (s->subjects == Subjects::human && std::find(pops.begin(), pops.end(), p) == pops.end())
          pops.push_back(p);
    std::sort(pops.begin(), pops.end());
  }
  Value::List pooled;
  std::vector<std::string> sources;
  if (!plot) {
    for (Population p : pops) {
      const auto best = published_pools(ds, p, std::nullopt, kind);
      if (best.empty()) {
        if (q.all) continue;
        r.lead_note(
            fmt::format("Pooled answer, {}: no review in the dataset pools {} trials for "
                        "this population; the studies below stand alone.",
                        name_of(p), name_of(kind)));
        continue;
      }
      // A review's estimate from one trial is not a pooled answer: say so.
      const bool one_trial = best.front().outcome->k.value_or(2) < 2;
      r.lead_note(one_trial
                      ? fmt::format("No pooled answer, {}: the best review estimate rests "
                                    "on one trial: {}.",
                                    name_of(p), pool_text(best.front()))
                      : fmt::format("Pooled answer, {}: {}.", name_of(p), pool_text(best.front())));
      pooled.push_back(detail::pool_value(p, best.front()));
      sources.push_back(best.front().review->id);
      for (const std::string& line : unpooled_reviews(ds, p, kind, best.front().review))
        r.lead_note(line, NoteLevel::info, 2);
    }
  }

  add_record_columns<Study>(r);
  r.columns.push_back({"participants", "", Align::right, false});
  Column tested("tested", "Tested", Align::left, true);
  tested.machine = false;
  r.columns.push_back(std::move(tested));
  Column n("n", "N", Align::right, true);
  n.machine = false;
  r.columns.push_back(std::move(n));
  Column pop("pops", "Population", Align::left, true);
  pop.machine = false;
  r.columns.push_back(std::move(pop));
  Column dose("dose", "Mg/d", Align::right, true);
  dose.machine = false;
  r.columns.push_back(std::move(dose));
  Column effect("effect", "Effect [95% CI]", Align::right, true);
  effect.machine = false;
  r.columns.push_back(std::move(effect));
  Column weight("weight", "Weight", Align::right, true);
  weight.machine = false;
  r.columns.push_back(std::move(weight));
  Column line("plot", "Forest plot", Align::left, true);
  line.machine = false;
  line.verbatim = true;
  r.columns.push_back(std::move(line));
  const std::size_t who = r.column("first_author"), design_col = r.column("design");
  r.show("first_author", "Study");
  if (plot) {
    r.show("effect", "Effect [95% CI]");
    r.show("weight", "Weight");
    r.show("plot", "Forest plot (one axis)");
  } else {
    r.show("design", "Design");
    r.show("pops", "Population");
    r.show("n", "N");
    r.show("tested", "Tested");
    r.show("dose", "Mg/d");
    r.show("conclusion", "Result");
  }

  const bool any_above = std::any_of(studies.begin(), studies.end(),
                                     [&](const Study* s) { return oral_dose_above_ul(ds, *s); });
  std::vector<const Study*> listed;
  for (const Study* s : studies) {
    if (plot) {
      if (!measure || !is_primary_human(*s)) continue;
      const bool has = std::any_of(s->outcomes.begin(), s->outcomes.end(), [&](const Outcome& o) {
        return o.measure == *measure &&
               (!q.population || !o.population || o.population == q.population);
      });
      if (!has) continue;
    }
    listed.push_back(s);
  }
  std::optional<MetaResult> meta;
  MetaQuery mq;
  if (plot && measure && !listed.empty()) {
    mq.outcome = *measure;
    mq.population = q.population;
    mq.form = q.form;
    mq.intervention = kind;
    mq.among = listed;
    meta = run_meta(ds, mq);
  }
  for (const Study* s : listed) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *s);
    row[who].text = s->id;
    if (s->design == Design::crossover_rct) row[design_col].text = "crossover";
    if (s->design == Design::n_of_1_rct) row[design_col].text = "n-of-1";
    if (s->design == Design::systematic_review) row[design_col].text = "syst. review";
    const long long np = participants(*s);
    row.push_back(np > 0 ? Value(np) : Value());
    row.push_back(Cell{nullptr, tested_text(*s)});
    row.push_back(Cell{nullptr, n_text(*s)});
    row.push_back(Cell{nullptr, populations_text(*s)});
    const auto& mg = s->intervention.elemental_mg_per_day;
    row.push_back(Cell{
        nullptr, !mg ? "-" : fmt::format("{:g}{}", *mg, oral_dose_above_ul(ds, *s) ? "*" : "")});
    row.push_back(Cell{nullptr, ""});
    row.push_back(Cell{nullptr, ""});
    row.push_back(Cell{nullptr, ""});
    r.add_row(std::move(row));
    sources.push_back(s->id);
  }
  // `--format svg` draws the same rows (made only with a plot).
  ForestPlot forest;
  if (meta) {
    // The plot's rows are for people; scripts get the records and the
    // pooled result in the summary.
    r.machine_rows = r.rows.size();
    const std::size_t first_plot_row = r.rows.size();
    r.note(add_forest_rows(r, *meta, mq, who, r.column("effect"), r.column("weight"),
                           r.column("plot"), &forest));
    r.human_from = first_plot_row;
    add_meta_notes(r, *meta);
  }

  const TrialSummary t = summarize(listed);
  Value::Object summary{{"studies", t.studies},
                        {"magnesium", tally_value(t.magnesium)},
                        {"other_treatments", tally_value(t.other_treatments)},
                        {"reviews", t.reviews},
                        {"largest_pool", t.largest_pool},
                        {"not_human", t.not_human},
                        {"pooled", std::move(pooled)}};
  if (meta) summary.emplace_back("meta", meta_value(*meta, mq));
  r.summary = std::move(summary);
  if (!plot) {
    if (t.magnesium.studies > 0) r.note(tally_text(t.magnesium, "studies of magnesium"));
    if (t.other_treatments.studies > 0)
      r.note(tally_text(t.other_treatments, "studies of other treatments, counted apart"));
    if (t.reviews > 0) {
      r.note(
          fmt::format("{} review{} listed, not counted as votes; the largest pooled {} "
                      "participants, not added to the trials' count.",
                      t.reviews, t.reviews == 1 ? "" : "s", t.largest_pool));
    }
    if (t.not_human > 0) {
      r.note(fmt::format("{} animal or laboratory stud{}, never counted with human trials.",
                         t.not_human, t.not_human == 1 ? "y" : "ies"));
    }
    if (!listed.empty()) {
      r.note(
          "N: participants randomized (intention to treat), or analysed where no randomized "
          "count is published; a review's N is the participants it pooled. Mg/d: elemental "
          "magnesium a day.");
    }
    if (any_above) {
      const auto ul = adult_supplement_ul(ds);
      r.notice("above-ul-oral", NoticeLevel::info,
               fmt::format("* An oral dose above the {:g} mg adult upper limit for supplements "
                           "taken without medical supervision (set to avoid diarrhoea); the "
                           "limit does not apply to IV magnesium.",
                           ul.value_or(0)));
    }
  }
  if (listed.empty()) {
    // Say what would find something (UX15).
    auto more = [&](TrialQuery wider) { return find_trials(ds, wider).size(); };
    std::vector<std::string> hints;
    TrialQuery w = q;
    w.design.reset();
    w.designs = DesignSet::all;
    if (const std::size_t k = more(w); k > 0 && (q.design || q.designs != DesignSet::all))
      hints.push_back(fmt::format("{} with --design all", k));
    w = q;
    w.all = true;
    if (const std::size_t k = more(w); k > 0 && !q.all)
      hints.push_back(fmt::format("{} with --all", k));
    w.design.reset();
    w.designs = DesignSet::all;
    if (const std::size_t k = more(w); k > 0 && hints.size() == 2)
      hints.push_back(fmt::format("{} with both", k));
    if (!hints.empty()) {
      std::string h;
      for (const auto& x : hints) h += (h.empty() ? "" : "; ") + x;
      r.note(fmt::format("0 here; {}.", h));
    }
  }
  if (plot) {
    Figure f;
    f.title = r.title;
    if (meta && meta->pooled) f.caption.push_back(pooled_sentence(*meta, mq));
    // Nothing to draw: what would find something.
    if (forest.rows.empty())
      for (const Note& note : r.notes) f.caption.push_back(note.text);
    f.chart = std::move(forest);
    r.figure = std::move(f);
  }
  add_source_notes(r, ds, sources);
  return r;
}

Report meta_report(const Dataset& ds, const MetaQuery& q, bool plot) {
  const MetaResult m = run_meta(ds, q);
  Report r;
  r.title = fmt::format("Meta-analysis: {}{}", info(q.outcome).label,
                        q.population ? fmt::format(", {}", name_of(*q.population)) : "");
  r.query.add("outcome", q.outcome);
  r.query.add("population", q.population);
  r.query.add("form", q.form);
  r.query.add("intervention", q.intervention);
  r.query.add("risk_of_bias", q.risk_of_bias);
  r.query.add("exclude_industry", q.exclude_industry);
  Value::List ex;
  for (const auto& id : q.exclude) ex.emplace_back(id);
  r.query.add("exclude", Value(std::move(ex)));
  r.query.add("model", q.model);
  r.query.add("tau2_method", q.tau2);
  r.query.add("hksj", q.hksj);
  r.query.add("plot", plot);
  r.single_object = true;
  // For scripts, one object: each member of the result a column of row 0.
  Value result = meta_value(m, q);
  std::vector<Cell> first;
  for (auto& [key, value] : result.as_object()) {
    Column c{std::string(key), "", Align::left, false};
    // CSV: a row per pooled study; the reviews' estimates joined.
    if (key == "studies") {
      c.fields = {"id", "estimate", "ci_low", "ci_high", "weight", "computed"};
      c.row_per_element = true;
    } else if (key == "published") {
      c.fields = {"population", "review",  "measure", "timepoint",    "estimate",
                  "ci_low",     "ci_high", "k",       "participants", "certainty"};
    }
    r.columns.push_back(std::move(c));
    first.emplace_back(value);
  }
  const std::size_t human = r.columns.size();
  for (const char* k : {"label", "effect", "weight", "plot"}) {
    Column c(k, "", Align::left, true);
    c.machine = false;
    r.columns.push_back(std::move(c));
  }
  r.columns[human].title = "Study";
  r.columns[human + 1].title = "Effect [95% CI]";
  r.columns[human + 1].align = Align::right;
  r.columns[human + 2].title = "Weight";
  r.columns[human + 2].align = Align::right;
  r.columns[human + 3].title = "Forest plot (one axis)";
  r.columns[human + 3].verbatim = true;
  r.human_order = {human, human + 1, human + 2};
  if (plot) r.human_order.push_back(human + 3);
  if (!plot) r.columns[human + 3].human = false;
  first.resize(r.columns.size());
  r.add_row(std::move(first));
  r.machine_rows = 1;
  r.human_from = 1;
  std::vector<std::string> sources;
  ForestPlot forest;  // `--format svg` draws the same rows (made only with a plot)
  if (m.pooled) {
    r.lead_note(pooled_sentence(m, q));
    const std::string caption =
        add_forest_rows(r, m, q, human, human + 1, human + 2, human + 3, plot ? &forest : nullptr);
    if (plot) r.note(caption);
  } else {
    r.lead_note(fmt::format("No primary study in the dataset reports {} for this query.",
                            info(q.outcome).label));
  }
  if (plot) {
    Figure f;
    f.title = r.title;
    for (const Note& note : r.lead) f.caption.push_back(note.text);
    f.chart = std::move(forest);
    r.figure = std::move(f);
  }
  add_meta_notes(r, m);
  for (const MetaStudy& s : m.studies) sources.push_back(s.study->id);
  for (const PublishedPool& p : m.published) sources.push_back(p.review->id);
  r.summary = nullptr;
  add_source_notes(r, ds, sources);
  return r;
}

Report meta_outcomes_report(const Dataset& ds, InterventionKind kind) {
  Report r;
  r.title = fmt::format("Outcomes reported by studies of {}", name_of(kind));
  r.query.add("intervention", kind);
  r.columns = {{"outcome", "Outcome"},
               {"measure", "Effect"},
               {"label", "Measure"},
               {"n_studies", "Studies", Align::right},
               {"n_reviews", "Reviews", Align::right}};
  r.human_order = {0, 3, 4, 2};
  for (const OutcomeCount& c : count_outcomes(ds, kind)) {
    r.add_cells(c.measure, info(c.measure).effect, std::string(info(c.measure).label), c.studies,
                c.reviews);
  }
  r.note(
      "Pool one with: mgcramp meta --outcome OUTCOME [--population P]. Studies: primary "
      "studies of people; reviews' published estimates are shown beside the computed one.");
  return r;
}

}  // namespace mgcramp
