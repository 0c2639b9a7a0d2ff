#pragma once
// Every enumerated value set of the dataset, each listed once with its
// names as the JSON writes them. The loader reads them, the snapshot stores
// their index, the queries filter on them and the command line's help text
// and "must be one of" messages list them, all from the tables below.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcramp {

// EnumNames<E>::names lists E's values in declaration order; `what` names
// the set in messages. Specialised next to each enum below.
template <class E>
struct EnumNames;

template <class E>
constexpr std::size_t enum_count() {
  return std::size(EnumNames<E>::names);
}

template <class E>
constexpr std::string_view name_of(E e) {
  return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

// The value named exactly `s`, or nullopt.
template <class E>
constexpr std::optional<E> enum_from(std::string_view s) {
  for (std::size_t i = 0; i < enum_count<E>(); ++i) {
    if (EnumNames<E>::names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Every name, in order.
template <class E>
std::vector<std::string> enum_names() {
  return {std::begin(EnumNames<E>::names), std::end(EnumNames<E>::names)};
}

// Declares EnumNames<E> with its names and checks that they cover the enum
// up to its last value.
#define MGCRAMP_ENUM_NAMES(E, WHAT, LAST, ...)                                        \
  template <>                                                                         \
  struct EnumNames<E> {                                                               \
    static constexpr std::string_view what = WHAT;                                    \
    static constexpr std::string_view names[] = {__VA_ARGS__};                        \
  };                                                                                  \
  static_assert(std::size(EnumNames<E>::names) == static_cast<std::size_t>(LAST) + 1, \
                "EnumNames<" #E "> must name every value")

// The tables of the dataset, by the keys the JSON file gives them.
enum class Table : std::uint8_t {
  sources,
  notices,
  intakes,
  foods,
  forms,
  studies,
  claims,
  causes,
  remedies,
  symptoms,
  interactions,
  medicines,
  conditions,
  red_flags,
  cues
};
MGCRAMP_ENUM_NAMES(Table, "table", Table::cues, "sources", "notices", "intakes", "foods", "forms",
                   "studies", "claims", "causes", "remedies", "symptoms", "interactions",
                   "medicines", "conditions", "red_flags", "cues");

// What a cue of the `cues` table tells `mgcramp check` about a sentence: its
// stance words (a negation turns a claim into its denial, a hedge marks it
// hedged, a mixed cue says the evidence is divided), the words that make a
// sentence a health claim about magnesium (subject and health), and the
// signals that an article sells what it discusses. A group is a set of
// phrases that claims' cue patterns name as "@id"; an anaphor stands for the
// subject named in the sentence before; a skip-section heading (References)
// holds no claims.
enum class CueKind : std::uint8_t {
  group,
  topic,
  negation,
  hedge,
  mixed,
  subject,
  anaphor,
  health,
  promotion,
  purchase,
  discount,
  disclaimer,
  first_person_selling,
  skip_section,
  report
};
MGCRAMP_ENUM_NAMES(CueKind, "cue kind", CueKind::report, "group", "topic", "negation", "hedge",
                   "mixed", "subject", "anaphor", "health", "promotion", "purchase", "discount",
                   "disclaimer", "first-person-selling", "skip-section", "report");

enum class SourceKind : std::uint8_t { article, reference, dataset, database, regulation };
MGCRAMP_ENUM_NAMES(SourceKind, "source kind", SourceKind::regulation, "article", "reference",
                   "dataset", "database", "regulation");

enum class NoticeLevel : std::uint8_t { info, caution };
MGCRAMP_ENUM_NAMES(NoticeLevel, "notice level", NoticeLevel::caution, "info", "caution");

enum class Sex : std::uint8_t { female, male };
MGCRAMP_ENUM_NAMES(Sex, "sex", Sex::male, "female", "male");

// Who a reference value applies to.
enum class SexScope : std::uint8_t { any, female, male };
MGCRAMP_ENUM_NAMES(SexScope, "sex", SexScope::male, "any", "female", "male");

enum class Condition : std::uint8_t { none, pregnant, lactating };
MGCRAMP_ENUM_NAMES(Condition, "condition", Condition::lactating, "none", "pregnant", "lactating");

// An RDA, or an Adequate Intake where no RDA could be set (infants).
enum class IntakeKind : std::uint8_t { rda, ai };
MGCRAMP_ENUM_NAMES(IntakeKind, "intake kind", IntakeKind::ai, "RDA", "AI");

enum class FoodCategory : std::uint8_t {
  nuts_seeds,
  legumes,
  grains,
  vegetables,
  fruit,
  fish,
  meat_poultry,
  dairy_soy,
  other
};
MGCRAMP_ENUM_NAMES(FoodCategory, "food category", FoodCategory::other, "nuts-seeds", "legumes",
                   "grains", "vegetables", "fruit", "fish", "meat-poultry", "dairy-soy", "other");

// A form's absorption relative to the others, from human studies.
enum class AbsorptionRank : std::uint8_t { high, moderate, low, unknown };
MGCRAMP_ENUM_NAMES(AbsorptionRank, "absorption rank", AbsorptionRank::unknown, "high", "moderate",
                   "low", "unknown");

enum class Laxative : std::uint8_t { strong, moderate, mild, low, unknown };
MGCRAMP_ENUM_NAMES(Laxative, "laxative effect", Laxative::unknown, "strong", "moderate", "mild",
                   "low", "unknown");

// What an article says of a supplement form.
enum class View : std::uint8_t { recommends, discourages, neutral };
MGCRAMP_ENUM_NAMES(View, "view", View::neutral, "recommends", "discourages", "neutral");

enum class Design : std::uint8_t {
  rct,
  crossover_rct,
  n_of_1_rct,
  systematic_review,
  meta_analysis,
  guideline,
  cohort,
  case_control,
  cross_sectional,
  bioavailability,
  review
};
MGCRAMP_ENUM_NAMES(Design, "design", Design::review, "rct", "crossover-rct", "n-of-1-rct",
                   "systematic-review", "meta-analysis", "guideline", "cohort", "case-control",
                   "cross-sectional", "bioavailability", "review");

// Randomized trials: parallel, crossover and n-of-1.
constexpr bool is_trial(Design d) {
  return d == Design::rct || d == Design::crossover_rct || d == Design::n_of_1_rct;
}
// Designs that pool or summarise other studies.
constexpr bool is_review(Design d) {
  return d == Design::systematic_review || d == Design::meta_analysis || d == Design::guideline ||
         d == Design::review;
}

enum class Population : std::uint8_t { idiopathic, pregnancy, exercise, cirrhosis, other };
MGCRAMP_ENUM_NAMES(Population, "population", Population::other, "idiopathic", "pregnancy",
                   "exercise", "cirrhosis", "other");

// Who or what a study studied: animal and in-vitro studies never count with
// human trials.
enum class Subjects : std::uint8_t { human, animal, in_vitro };
MGCRAMP_ENUM_NAMES(Subjects, "subjects", Subjects::in_vitro, "human", "animal", "in-vitro");

// What a study tested.
enum class InterventionKind : std::uint8_t {
  magnesium,
  stretching,
  quinine,
  other_drug,
  vitamin,
  other
};
MGCRAMP_ENUM_NAMES(InterventionKind, "intervention", InterventionKind::other, "magnesium",
                   "stretching", "quinine", "other-drug", "vitamin", "other");

// Risk of bias as a review judged it (Cochrane RoB 1 and RoB 2 words).
enum class RiskOfBias : std::uint8_t { low, unclear, some_concerns, high };
MGCRAMP_ENUM_NAMES(RiskOfBias, "risk of bias", RiskOfBias::high, "low", "unclear", "some-concerns",
                   "high");

// Who an outcome's numbers count: everyone randomized (intention to treat),
// or fewer.
enum class AnalysisSet : std::uint8_t { itt, modified_itt, per_protocol, available_case };
MGCRAMP_ENUM_NAMES(AnalysisSet, "analysis set", AnalysisSet::available_case, "itt", "modified-itt",
                   "per-protocol", "available-case");

// The kind of effect: a difference (no effect at 0) or a ratio (no effect at
// 1, pooled on the log scale).
enum class EffectType : std::uint8_t { md, smd, rr, odds_ratio, rd, ratio };
MGCRAMP_ENUM_NAMES(EffectType, "effect type", EffectType::ratio, "md", "smd", "rr", "or", "rd",
                   "ratio");

constexpr bool is_ratio(EffectType t) {
  return t == EffectType::rr || t == EffectType::odds_ratio || t == EffectType::ratio;
}

// The documented set of outcome measures. Each has one effect type and one
// unit: outcomes are pooled or drawn together only within one measure.
enum class OutcomeMeasure : std::uint8_t {
  cramps_per_week,
  cramps_per_night,
  cramps_per_2_weeks,
  cramps_per_4_weeks,
  cramp_frequency,
  frequency_change_pct,
  responders,
  cramp_free,
  persisting_cramps,
  cramp_intensity,
  pain_responders,
  cramp_duration,
  adverse_events,
  exposure_odds,
  urinary_magnesium,
  sequence_ratio
};
MGCRAMP_ENUM_NAMES(OutcomeMeasure, "outcome", OutcomeMeasure::sequence_ratio, "cramps-per-week",
                   "cramps-per-night", "cramps-per-2-weeks", "cramps-per-4-weeks",
                   "cramp-frequency", "frequency-change-pct", "responders", "cramp-free",
                   "persisting-cramps", "cramp-intensity", "pain-responders", "cramp-duration",
                   "adverse-events", "exposure-odds", "urinary-magnesium", "sequence-ratio");

// Which direction of an effect favours the intervention.
enum class Better : std::uint8_t { lower, higher, neither };

struct MeasureInfo {
  EffectType effect;
  Better better;
  std::string_view label;  // "Cramps per week"
  std::string_view unit;   // of a difference; empty for ratios and where each
                           // outcome gives its own (a score's scale)
};

// Each measure's effect type, direction and unit, in OutcomeMeasure's order.
inline constexpr MeasureInfo kMeasures[] = {
    {EffectType::md, Better::lower, "mean difference in cramps per week", "cramps per week"},
    {EffectType::md, Better::lower, "mean difference in cramps per night", "cramps per night"},
    {EffectType::md, Better::lower, "mean difference in cramps in 2 weeks", "cramps per 2 weeks"},
    {EffectType::md, Better::lower, "mean difference in cramps in 4 weeks", "cramps per 4 weeks"},
    {EffectType::md, Better::lower, "mean difference in cramp frequency (unit as published)", ""},
    {EffectType::md, Better::lower, "mean difference in % change of cramp frequency",
     "percentage points"},
    {EffectType::rr, Better::higher, "responders: fewer cramps by the trial's threshold (RR)", ""},
    {EffectType::rr, Better::higher, "free of cramps after treatment (RR)", ""},
    {EffectType::odds_ratio, Better::lower, "persisting cramps (odds ratio)", ""},
    {EffectType::md, Better::lower, "mean difference in cramp intensity or pain score", ""},
    {EffectType::rr, Better::higher, "pain responders: less pain by the trial's threshold (RR)",
     ""},
    {EffectType::md, Better::lower, "mean difference in cramp duration", "minutes"},
    {EffectType::rr, Better::lower, "adverse events (risk ratio)", ""},
    {EffectType::odds_ratio, Better::neither, "odds ratio of cramps with an exposure", ""},
    {EffectType::md, Better::neither, "mean difference in 24-h urinary magnesium", "mmol"},
    {EffectType::ratio, Better::neither, "prescription sequence ratio", ""},
};
static_assert(std::size(kMeasures) == enum_count<OutcomeMeasure>(),
              "kMeasures must describe every OutcomeMeasure");

constexpr const MeasureInfo& info(OutcomeMeasure m) {
  return kMeasures[static_cast<std::size_t>(m)];
}

enum class Route : std::uint8_t { oral, intravenous, topical };
MGCRAMP_ENUM_NAMES(Route, "route", Route::topical, "oral", "intravenous", "topical");

// What an efficacy study found.
enum class Conclusion : std::uint8_t { benefit, no_benefit, mixed, inconclusive };
MGCRAMP_ENUM_NAMES(Conclusion, "conclusion", Conclusion::inconclusive, "benefit", "no-benefit",
                   "mixed", "inconclusive");

// What an article says of a claim.
enum class StanceKind : std::uint8_t { supports, opposes, mixed };
MGCRAMP_ENUM_NAMES(StanceKind, "stance", StanceKind::mixed, "supports", "opposes", "mixed");

enum class ClaimTopic : std::uint8_t {
  efficacy_night_cramps,
  efficacy_pregnancy,
  efficacy_athletes,
  deficiency,
  absorption,
  forms,
  timing,
  dose,
  safety,
  diet,
  other_remedies,
  mechanism,
  calcium_ratio,
  prevalence
};
MGCRAMP_ENUM_NAMES(ClaimTopic, "topic", ClaimTopic::prevalence, "efficacy-night-cramps",
                   "efficacy-pregnancy", "efficacy-athletes", "deficiency", "absorption", "forms",
                   "timing", "dose", "safety", "diet", "other-remedies", "mechanism",
                   "calcium-ratio", "prevalence");

// The verdict of the evidence on a claim.
enum class Rating : std::uint8_t {
  supported,
  partly_supported,
  mixed,
  not_supported,
  contradicted,
  insufficient
};
MGCRAMP_ENUM_NAMES(Rating, "rating", Rating::insufficient, "supported", "partly-supported", "mixed",
                   "not-supported", "contradicted", "insufficient");

// Where an article's stance on a claim stands against the claim's verdict:
// derived, never stored (query/claims.hpp holds the table).
enum class Standing : std::uint8_t { agrees, at_odds, unsettled };
MGCRAMP_ENUM_NAMES(Standing, "standing", Standing::unsettled, "agrees", "at-odds", "unsettled");

enum class CauseCategory : std::uint8_t {
  dehydration_electrolytes,
  exertion,
  medication,
  medical_condition,
  physiological,
  lifestyle,
  nutritional,
  idiopathic
};
MGCRAMP_ENUM_NAMES(CauseCategory, "cause category", CauseCategory::idiopathic,
                   "dehydration-electrolytes", "exertion", "medication", "medical-condition",
                   "physiological", "lifestyle", "nutritional", "idiopathic");

enum class RemedyCategory : std::uint8_t {
  physical,
  thermal,
  hydration,
  drug,
  supplement,
  lifestyle
};
MGCRAMP_ENUM_NAMES(RemedyCategory, "remedy category", RemedyCategory::lifestyle, "physical",
                   "thermal", "hydration", "drug", "supplement", "lifestyle");

enum class RemedyUse : std::uint8_t { relief, prevention, both };
MGCRAMP_ENUM_NAMES(RemedyUse, "use", RemedyUse::both, "relief", "prevention", "both");

enum class EvidenceLevel : std::uint8_t {
  systematic_review,
  rct,
  observational,
  expert_opinion,
  none
};
MGCRAMP_ENUM_NAMES(EvidenceLevel, "evidence level", EvidenceLevel::none, "systematic-review", "rct",
                   "observational", "expert-opinion", "none");

// The certainty of evidence as a systematic review graded it (GRADE), or
// not graded: a remedy's, a pooled outcome's.
enum class Certainty : std::uint8_t { high, moderate, low, very_low, not_graded };
MGCRAMP_ENUM_NAMES(Certainty, "certainty", Certainty::not_graded, "high", "moderate", "low",
                   "very-low", "not-graded");

// Whether a symptom is one of deficiency or of excess.
enum class SymptomOf : std::uint8_t { deficiency, excess };
MGCRAMP_ENUM_NAMES(SymptomOf, "condition", SymptomOf::excess, "deficiency", "excess");

// Who lists a symptom: a reference source (NIH ODS), or only articles.
enum class SymptomBasis : std::uint8_t { reference, article_only };
MGCRAMP_ENUM_NAMES(SymptomBasis, "basis", SymptomBasis::article_only, "reference", "article-only");

enum class SymptomCategory : std::uint8_t {
  neuromuscular,
  cardiac,
  gastrointestinal,
  neurological,
  metabolic,
  general
};
MGCRAMP_ENUM_NAMES(SymptomCategory, "symptom category", SymptomCategory::general, "neuromuscular",
                   "cardiac", "gastrointestinal", "neurological", "metabolic", "general");

enum class InteractionCategory : std::uint8_t {
  lowers_magnesium,
  absorption,
  raises_magnesium,
  other
};
MGCRAMP_ENUM_NAMES(InteractionCategory, "interaction category", InteractionCategory::other,
                   "lowers-magnesium", "absorption", "raises-magnesium", "other");

// What a medicine does to magnesium, as its sources say: lowers it (urinary
// or gut losses), binds it in the gut (each lowers the other's absorption),
// raises it, none stated, or not confirmed against a source here.
enum class MedicineEffect : std::uint8_t {
  lowers_magnesium,
  absorption,
  raises_magnesium,
  none,
  unconfirmed
};
MGCRAMP_ENUM_NAMES(MedicineEffect, "effect on magnesium", MedicineEffect::unconfirmed,
                   "lowers-magnesium", "absorption", "raises-magnesium", "none", "unconfirmed");

// The kind of cramps a person asks about (`assess --cramps`).
enum class CrampKind : std::uint8_t { night, exercise, pregnancy, other };
MGCRAMP_ENUM_NAMES(CrampKind, "cramps", CrampKind::other, "night", "exercise", "pregnancy",
                   "other");

}  // namespace mgcramp
