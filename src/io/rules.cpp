#include "rules.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "mgcramp/check/matcher.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/model/formula.hpp"
#include "mgcramp/model/tables.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::io {

// A table's record type ("a Study") below its table, else the top-level fields.
std::string schema_hint(std::string_view pointer) {
  std::string_view top = pointer.substr(pointer.empty() ? 0 : 1);
  top = top.substr(0, top.find('/'));
  if (const auto t = enum_from<Table>(top); t && pointer.size() > top.size() + 1) {
    std::string type(table_singular(*t));
    type[0] = static_cast<char>(type[0] - 'a' + 'A');
    const bool vowel =
        !type.empty() && std::string_view("AEIOUaeiou").find(type[0]) != std::string_view::npos;
    return fmt::format("'mgcramp schema {}' describes every field of {} {}", table_singular(*t),
                       vowel ? "an" : "a", type);
  }
  return "'mgcramp schema dataset' describes the top-level fields";
}

namespace {

// Fails when two elements of `items` (stances, article views, discrepancies)
// come from the same article, at the later one's "source".
template <class T>
void check_once(const Rules& r, std::string_view key, const std::vector<T>& items,
                std::string_view what, const char* hint) {
  std::vector<std::string> sources;
  sources.reserve(items.size());
  for (const auto& x : items) sources.push_back(x.source);
  if (const auto rep = first_repeat(sources)) {
    const std::string at = r.pointer() + "/" + std::string(key) + "/";
    fail(r.origin(), at + std::to_string(rep->second) + "/source",
         fmt::format("{} already has {} at {}{}", quoted(sources[rep->second]), what, at,
                     rep->first),
         hint);
  }
}

}  // namespace

void fail(const std::string& origin, const std::string& pointer, const std::string& message,
          std::string hint) {
  throw DataError(fmt::format("{}: {}: {}", text::sanitize(origin),
                              pointer.empty() ? "/" : text::sanitize(pointer), message),
                  text::sanitize(hint.empty() ? schema_hint(pointer) : hint),
                  DataLocation{origin, pointer.empty() ? "/" : pointer, 0, 0, message});
}

std::string quoted(std::string_view s) {
  std::string shown(s);
  if (text::display_width(shown) > 40) shown = shown.substr(0, 40) + "...";
  return "\"" + text::sanitize(shown) + "\"";
}

std::optional<std::pair<std::size_t, std::size_t>> first_repeat(
    const std::vector<std::string>& items) {
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const int c = items[a].compare(items[b]);
    return c != 0 ? c < 0 : a < b;
  });
  // Within a run of equal items the first index is the first occurrence and
  // the second its first repeat; the earliest such repeat wins.
  std::optional<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (items[order[k]] != items[order[k - 1]]) continue;
    if (k >= 2 && items[order[k - 2]] == items[order[k]]) continue;  // a third or later copy
    if (!found || order[k] < found->second) found = std::make_pair(order[k - 1], order[k]);
  }
  return found;
}

void Rules::fail(std::string_view key, const std::string& message, std::string hint) const {
  io::fail(origin_, pointer() + "/" + std::string(key), message, std::move(hint));
}

void check(const Source& s, const Rules& r) {
  if (s.commercial_interest && !s.commercial_note) {
    r.fail("commercial_note", "missing: a source with a commercial interest says what it sells",
           "say what it sells, or set commercial_interest to false");
  }
  if (s.accessed && !s.url) {
    r.fail("accessed", "an access date needs a url",
           "give the url that was read, or drop accessed");
  }
}

void check(const Intake& in, const Rules& r) {
  if (in.age_to_months && *in.age_to_months <= in.age_from_months) {
    r.fail("age_to_months", "must be greater than age_from_months",
           "age_to_months is exclusive; use null for an open-ended stage");
  }
  if (in.condition != Condition::none && in.sex != SexScope::female) {
    r.fail("sex", "pregnancy and lactation rows must have sex \"female\"", "set sex to \"female\"");
  }
  if (in.ear_mg && *in.ear_mg > in.rda_mg) {
    r.fail("ear_mg", "the Estimated Average Requirement cannot exceed rda_mg",
           "the RDA is set above the EAR; check both figures against the source");
  }
}

void check(const DailyValue& dv, const Rules& r) {
  if (dv.mg <= 0) r.fail("mg", "must be greater than 0", "give the FDA Daily Value in mg");
}

void check(const Food& f, const Rules& r) {
  if (f.grams && *f.grams <= 0) {
    r.fail("grams", "must be greater than 0", "the serving's weight in grams, or null");
  }
  // The serving's figures must follow from the cited USDA food.
  auto agrees = [&](const std::optional<double>& per100, double serving, const char* key,
                    const char* per100_key) {
    if (!per100 || !f.grams) return;
    const double expected = *per100 * *f.grams / 100.0;
    if (std::fabs(expected - serving) > 0.5 + 1e-9) {
      r.fail(key,
             fmt::format("{:g} does not agree with {} x grams / 100 = {:.1f}", serving, per100_key,
                         expected),
             "mg and kcal per serving follow from the USDA food per 100 g");
    }
  };
  agrees(f.usda_mg_per_100g, f.mg_per_serving, "mg_per_serving", "usda_mg_per_100g");
  if (f.kcal_per_serving) {
    agrees(f.usda_kcal_per_100g, *f.kcal_per_serving, "kcal_per_serving", "usda_kcal_per_100g");
  }
}

void check(const Form& f, const Rules& r) {
  check_once(r, "article_views", f.article_views, "a view",
             "give each article one view per form; merge the notes");
}

namespace {

// A formula, its water of hydration and elemental percentage, at `prefix`
// ("" for the form, "hydrates/N/" for one of its hydrates).
void check_salt(const std::string& formula, int hydrate_water, double elemental_pct,
                const AtomicMasses& masses, const Rules& r, const std::string& prefix) {
  double computed = 0;
  try {
    computed = mass_percent(formula, masses.values, "Mg");
  } catch (const std::invalid_argument& e) {
    r.fail(prefix + "formula", e.what(), "see data/SCHEMA.md for the formula syntax");
  }
  const int waters = hydrate_waters(formula);
  if (hydrate_water != waters) {
    r.fail(prefix + "hydrate_water",
           fmt::format("{} does not match the formula's {} H2O", hydrate_water, waters),
           fmt::format("set it to {}, or fix the formula's .nH2O", waters));
  }
  if (elemental_pct <= 0 || elemental_pct > 100 || std::fabs(elemental_pct - computed) > 0.1) {
    r.fail(prefix + "elemental_pct",
           fmt::format("{:g} does not match {:.2f} computed from the formula", elemental_pct,
                       computed),
           fmt::format("set it to {:.2f}, or check the formula and atomic_masses", computed));
  }
}

}  // namespace

void check_formula(const Form& f, const AtomicMasses& masses, const Rules& r) {
  check_salt(f.formula, f.hydrate_water, f.elemental_pct, masses, r, "");
  std::vector<int> waters{f.hydrate_water};
  for (std::size_t i = 0; i < f.hydrates.size(); ++i) {
    const Hydrate& h = f.hydrates[i];
    const std::string at = "hydrates/" + std::to_string(i) + "/";
    check_salt(h.formula, h.hydrate_water, h.elemental_pct, masses, r, at);
    if (std::find(waters.begin(), waters.end(), h.hydrate_water) != waters.end()) {
      r.fail(at + "hydrate_water",
             fmt::format("the form already has a state with {} H2O", h.hydrate_water),
             "give each hydration state once; the form's own formula is one of them");
    }
    waters.push_back(h.hydrate_water);
  }
}

namespace {

void check_arm(const ArmResult& a, bool binary, const Rules& r, const std::string& key) {
  const std::string at = r.pointer() + "/arms/" + key;
  if (binary) {
    if (!a.events || a.mean || a.sd) {
      fail(r.origin(), at, "a binary outcome's arm gives events and n, not a mean or SD",
           "give {\"events\": E, \"n\": N} for each arm");
    }
    if (*a.events > a.n) {
      fail(r.origin(), at + "/events", fmt::format("{} exceeds n ({})", *a.events, a.n),
           "events are counted among the arm's n");
    }
  } else {
    if (!a.mean || !a.sd || a.events) {
      fail(r.origin(), at, "a continuous outcome's arm gives n, mean and SD, not events",
           "give {\"n\": N, \"mean\": M, \"sd\": SD} for each arm");
    }
    if (*a.sd <= 0) {
      fail(r.origin(), at + "/sd", fmt::format("an SD must be greater than 0, got {:g}", *a.sd),
           "give the arm's standard deviation, not its standard error or a range");
    }
  }
}

}  // namespace

void check(const Outcome& o, const Rules& r) {
  const MeasureInfo& m = info(o.measure);
  if (o.p && *o.p > 1)
    r.fail("p", "a p value cannot exceed 1", "give p as a probability from 0 to 1");
  const int given = o.estimate.has_value() + o.ci_low.has_value() + o.ci_high.has_value();
  if (given != 0 && given != 3) {
    r.fail(o.estimate ? (o.ci_low ? "ci_high" : "ci_low") : "estimate",
           "an effect needs estimate, ci_low and ci_high together",
           "give all three as published, or none and the arms");
  }
  if (given == 0 && !o.arms && !o.k) {
    r.fail("estimate", "missing: an outcome needs its arms or its published effect",
           "give arms (n, mean, SD or events per arm), or estimate, ci_low and ci_high; a "
           "review that could not pool gives k instead");
  }
  if (o.arms) {
    if (m.effect == EffectType::ratio) {
      r.fail(
          "arms",
          fmt::format("a {} is published as an effect, not computed from arms", name_of(o.measure)),
          "give estimate, ci_low and ci_high");
    }
    const bool binary = m.effect == EffectType::rr || m.effect == EffectType::odds_ratio ||
                        m.effect == EffectType::rd;
    check_arm(o.arms->intervention, binary, r, "intervention");
    check_arm(o.arms->control, binary, r, "control");
  }
  if (given == 3) {
    if (*o.ci_low > *o.ci_high) {
      r.fail("ci_high", fmt::format("{:g} is below ci_low ({:g})", *o.ci_high, *o.ci_low),
             "give the interval as ci_low <= ci_high");
    }
    if (*o.ci_low == *o.ci_high) {
      r.fail("ci_high", fmt::format("equals ci_low ({:g}): a 95% CI has a width", *o.ci_low),
             "give the interval as published; an effect without one gives its arms");
    }
    if (is_ratio(m.effect) && *o.ci_low <= 0) {
      r.fail("ci_low",
             fmt::format("a ratio ({}) needs ci_low greater than 0, got {:g}", name_of(o.measure),
                         *o.ci_low),
             "ratios are positive: give the interval itself, not its logarithm");
    }
    if (!(*o.ci_low <= *o.estimate && *o.estimate <= *o.ci_high)) {
      r.fail("estimate",
             fmt::format("must lie within [ci_low, ci_high] = [{:g}, {:g}], got {:g}", *o.ci_low,
                         *o.ci_high, *o.estimate),
             "check estimate, ci_low and ci_high against the study");
    }
  }
}

void check(const Study& s, const Rules& r) {
  if (s.n_randomized && s.n_analysed && *s.n_analysed > *s.n_randomized) {
    r.fail("n_analysed",
           fmt::format("{} exceeds n_randomized ({})", *s.n_analysed, *s.n_randomized),
           "those analysed are among those randomized; check both figures");
  }
  check_once(r, "discrepancies", s.discrepancies, "a discrepancy",
             "give each article one discrepancy per study; merge the notes");
  for (std::size_t i = 1; i < s.populations.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (s.populations[i] == s.populations[j]) {
        fail(r.origin(), r.pointer() + "/populations/" + std::to_string(i),
             fmt::format("\"{}\" is listed twice", name_of(s.populations[i])),
             "list each population once");
      }
    }
  }
  if (!s.arms.empty() && s.n_randomized) {
    long long sum = 0;
    for (const StudyArm& a : s.arms) sum += a.n_randomized;
    if (sum != *s.n_randomized) {
      r.fail("arms",
             fmt::format("arm sizes add up to {}, but n_randomized is {}", sum, *s.n_randomized),
             "each arm's n_randomized, summed, is the study's n_randomized");
    }
  }
  if (s.risk_of_bias_by && !s.risk_of_bias) {
    r.fail("risk_of_bias", "missing: risk_of_bias_by names a review but no judgement is given",
           "give the review's judgement, or drop risk_of_bias_by");
  }
  for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
    const Outcome& o = s.outcomes[i];
    const std::string at = r.pointer() + "/outcomes/" + std::to_string(i);
    if (o.arms && s.design == Design::crossover_rct) {
      fail(r.origin(), at + "/arms",
           "a crossover trial enters only with its published paired effect, not arm figures",
           "give estimate, ci_low and ci_high from the paired analysis");
    }
    if (o.population && std::find(s.populations.begin(), s.populations.end(), *o.population) ==
                            s.populations.end()) {
      fail(r.origin(), at + "/population",
           fmt::format("\"{}\" is not among the study's populations", name_of(*o.population)),
           "add it to populations, or fix the outcome's population");
    }
  }
}

void check(const Claim& c, const Rules& r) {
  check_once(r, "stances", c.stances, "a stance", "give each article one stance per claim");
  // implies and denies: other claims (each once: the loader checks every
  // list of references so), none in both lists.
  for (const auto* key : {"implies", "denies"}) {
    const std::vector<std::string>& ids = std::string_view(key) == "implies" ? c.implies : c.denies;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::string at = std::string(key) + "/" + std::to_string(i);
      if (ids[i] == c.id)
        r.fail(at, fmt::format("a claim {} itself", key), "name other claims, or remove it");
      if (std::string_view(key) == "denies" &&
          std::find(c.implies.begin(), c.implies.end(), ids[i]) != c.implies.end())
        r.fail(at, fmt::format("{} is in implies too", quoted(ids[i])),
               "a claim cannot assert and deny another: keep one");
    }
  }
}

void check(const Cue& c, const Rules& r) {
  for (std::size_t i = 0; i < c.phrases.size(); ++i) {
    if (const auto p = check::phrase_problem(c.phrases[i]))
      r.fail("phrases/" + std::to_string(i), *p + " in " + quoted(c.phrases[i]),
             "see data/SCHEMA.md \"Cue patterns\"");
  }
}

void check_cue_patterns(const Dataset& ds, const std::string& origin, std::size_t first) {
  auto is_cue = [](const void* ctx, std::string_view id) {
    const auto& cues = static_cast<const Dataset*>(ctx)->cues;
    return std::any_of(cues.begin(), cues.end(), [&](const Cue& c) { return c.id == id; });
  };
  for (std::size_t i = first; i < ds.claims.size(); ++i) {
    const Claim& c = ds.claims[i];
    for (std::size_t j = 0; j < c.cues.size(); ++j) {
      if (const auto p = check::pattern_problem(c.cues[j], is_cue, &ds)) {
        fail(origin, "/claims/" + std::to_string(i - first) + "/cues/" + std::to_string(j),
             *p + " in " + quoted(c.cues[j]), "see data/SCHEMA.md \"Cue patterns\"");
      }
    }
  }
}

void check(const Remedy& m, const Rules& r) {
  if (m.prescription_only && !m.caution) {
    r.fail("caution", "missing: say what a clinician weighs for a prescription-only remedy",
           "add a caution, or set prescription_only to false");
  }
}

// A medicine marked unconfirmed was not checked against a source, so it
// cannot carry an interaction or a source's timing advice either.
void check(const Medicine& m, const Rules& r) {
  if (m.effect != MedicineEffect::unconfirmed) return;
  if (m.interaction) {
    r.fail("interaction",
           fmt::format("an \"unconfirmed\" medicine names interaction {}", quoted(*m.interaction)),
           "confirm the effect against a source and set it, or set interaction to null");
  }
  if (m.timing) {
    r.fail("timing", "an \"unconfirmed\" medicine gives timing advice",
           "confirm the effect against a source and set it, or set timing to null");
  }
}

// Two rows for the same people and the same ages would make lookups ambiguous.
// Rows are swept in order of condition and starting age, remembering for each
// sex scope the row reaching furthest; the later row of an overlapping pair
// (in file order) is reported.
void check_intake_overlaps(const Dataset& ds, const std::string& origin, std::size_t first) {
  static constexpr double kOpen = 1e300;
  auto end_of = [](const Intake& in) { return in.age_to_months.value_or(kOpen); };
  std::vector<std::size_t> order(ds.intakes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Intake& x = ds.intakes[a];
    const Intake& y = ds.intakes[b];
    if (x.condition != y.condition) return x.condition < y.condition;
    return x.age_from_months < y.age_from_months;
  });
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto scope_index = [](SexScope s) { return static_cast<std::size_t>(s); };
  std::size_t furthest[3] = {kNone, kNone, kNone};  // by SexScope
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    const Intake& a = ds.intakes[i];
    if (k > 0 && ds.intakes[order[k - 1]].condition != a.condition) {
      std::fill(std::begin(furthest), std::end(furthest), kNone);
    }
    for (SexScope s : {SexScope::any, SexScope::female, SexScope::male}) {
      const std::size_t j = furthest[scope_index(s)];
      if (j == kNone) continue;
      const Intake& b = ds.intakes[j];
      if (a.sex != b.sex && a.sex != SexScope::any && b.sex != SexScope::any) continue;
      // b starts no later than a, so they overlap when b ends after a starts.
      if (a.age_from_months < end_of(b)) {
        const std::size_t later = std::max(i, j);
        const Intake& other = ds.intakes[std::min(i, j)];
        if (later < first) continue;  // both checked before
        fail(origin, "/intakes/" + std::to_string(later - first),
             fmt::format("ages overlap with intake \"{}\" for the same people", other.id),
             "make age ranges [age_from_months, age_to_months) disjoint");
      }
    }
    std::size_t& best = furthest[scope_index(a.sex)];
    if (best == kNone || end_of(a) > end_of(ds.intakes[best])) best = i;
  }
}

void check_symptom_basis(const Dataset& ds, const std::string& origin, std::size_t first) {
  for (std::size_t i = first; i < ds.symptoms.size(); ++i) {
    const Symptom& s = ds.symptoms[i];
    bool reference = false, article = false;
    for (const auto& id : s.sources) {
      const Source* src = ds.find_source(id);
      if (src == nullptr) continue;
      reference = reference || src->kind == SourceKind::reference;
      article = article || src->kind == SourceKind::article;
    }
    const std::string at = "/symptoms/" + std::to_string(i - first) + "/basis";
    if (s.basis == SymptomBasis::reference && !reference) {
      fail(origin, at, "\"reference\" but no reference source is among its sources",
           "cite the reference that lists it (e.g. nih-ods-magnesium), or use \"article-only\"");
    }
    if (s.basis == SymptomBasis::article_only && !article) {
      fail(origin, at, "\"article-only\" but no article is among its sources",
           "cite the article that names it, or use \"reference\"");
    }
  }
}

}  // namespace mgcramp::io
