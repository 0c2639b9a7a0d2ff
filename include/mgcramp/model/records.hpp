#pragma once
// Typed model of the mgcramp dataset (data/mgcramp.json). Field names follow
// the JSON keys; see data/SCHEMA.md for their meaning.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/enums.hpp"

namespace mgcramp {

// A reference, article, database or study that records cite by id.
struct Source {
  static constexpr Table table = Table::sources;
  std::string id;
  SourceKind kind = SourceKind::article;
  std::string title;
  std::optional<std::string> publisher;
  std::optional<std::string> authors;
  std::optional<std::string> date;
  std::optional<std::string> url;
  std::optional<std::string> accessed;  // YYYY-MM-DD: when the URL was read
  bool commercial_interest = false;
  std::optional<std::string> commercial_note;
  std::optional<std::string> notes;
};

// A caution or explanation shown next to answers (the UL covers supplements
// only, kidney disease, ...). Records point at notices by id.
struct Notice {
  static constexpr Table table = Table::notices;
  std::string id;
  NoticeLevel level = NoticeLevel::info;  // a caution is a safety warning
  std::string text;
  std::vector<std::string> sources;
};

// One Dietary Reference Intake row for a life stage.
struct Intake {
  static constexpr Table table = Table::intakes;
  std::string id;
  std::string life_stage;
  double age_from_months = 0;           // inclusive
  std::optional<double> age_to_months;  // exclusive; none = open-ended
  SexScope sex = SexScope::any;
  Condition condition = Condition::none;
  IntakeKind kind = IntakeKind::rda;
  double rda_mg = 0;                         // the RDA, or the AI when kind is AI
  std::optional<double> ear_mg;              // Estimated Average Requirement
  std::optional<double> ul_supplemental_mg;  // Tolerable Upper Intake Level (supplements)
  std::vector<std::string> notices;
  std::vector<std::string> food_notices;   // shown with foods answers (infant feeding, choking)
  std::optional<bool> servings_from_food;  // false: no servings to reach it (infants)
  std::vector<std::string> sources;
};

// The FDA Daily Value used for "%DV" on labels.
struct DailyValue {
  double mg = 0;
  std::string population;
  std::vector<std::string> sources;
};

// Standard atomic weights used to compute elemental percentages, and the
// charges of the usual ions (Mg2+) for milliequivalents.
struct AtomicMasses {
  std::map<std::string, double> values;
  std::map<std::string, double> charges;
  std::vector<std::string> sources;
};

// A food as a source of magnesium. mg_per_serving agrees with the USDA food
// (usda_mg_per_100g x grams / 100); nih_mg_per_serving keeps the NIH table's
// figure where it differs, and `note` says why.
struct Food {
  static constexpr Table table = Table::foods;
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  FoodCategory category = FoodCategory::other;
  std::string serving;
  std::optional<double> grams;
  double mg_per_serving = 0;
  std::optional<double> kcal_per_serving;
  std::optional<std::string> usda_ndb;
  std::optional<std::string> usda_description;
  std::optional<double> usda_mg_per_100g;
  std::optional<double> usda_kcal_per_100g;
  std::optional<double> nih_mg_per_serving;
  std::vector<std::string> mentioned_by;  // article ids
  std::optional<std::string> note;
  std::vector<std::string> sources;
};

struct ArticleView {
  std::string source;  // article id
  View view = View::neutral;
  std::string note;
};

// Another hydration state of a form's salt (citrate nonahydrate, anhydrous
// magnesium chloride): the same evidence, another elemental percentage.
struct Hydrate {
  std::string formula;
  int hydrate_water = 0;
  double elemental_pct = 0;
};

// A supplement form (salt) of magnesium.
struct Form {
  static constexpr Table table = Table::forms;
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string formula;  // e.g. "MgCl2.6H2O"
  int hydrate_water = 0;
  double elemental_pct = 0;  // % Mg by mass, checked against the formula
  std::optional<std::string> typical_products_note;
  struct Absorption {
    std::string summary;
    AbsorptionRank relative = AbsorptionRank::unknown;
    std::vector<std::string> studies;
  } absorption;
  std::string gi_tolerance;
  Laxative laxative = Laxative::unknown;
  std::string cramp_evidence;
  std::vector<std::string> cramp_studies;
  std::vector<ArticleView> article_views;
  std::vector<Hydrate> hydrates;  // after article_views: CSV gives a row per article view
  std::vector<std::string> sources;
};

// One arm of an outcome as published: a continuous outcome gives n, mean and
// SD; a binary one gives events out of n.
struct ArmResult {
  long long n = 0;
  std::optional<double> mean, sd;
  std::optional<long long> events;
};

// One outcome of a study: a measure from the documented set (OutcomeMeasure),
// at a timepoint, in an analysis set. Arm-level numbers where published (the
// core computes the effect from them), else the published effect; effects
// are intervention minus control, or intervention / control for ratios. A
// review's pooled outcome names its population and certainty, and a review
// that could not pool gives k and certainty without an effect.
struct Outcome {
  OutcomeMeasure measure = OutcomeMeasure::cramps_per_week;
  std::optional<std::string> description;
  std::optional<std::string> unit;  // a score's scale; must match to pool
  std::string timepoint;
  AnalysisSet analysis = AnalysisSet::itt;
  std::optional<Population> population;
  struct Arms {
    ArmResult intervention, control;
  };
  std::optional<Arms> arms;
  std::optional<double> estimate, ci_low, ci_high, p;
  std::optional<long long> k, participants;  // a pooled outcome's studies and people
  std::optional<Certainty> certainty;        // GRADE, as the review judged it
  std::optional<std::string> where;          // "Analysis 1.1", "Table 2"
  std::optional<std::string> note;
};

struct Intervention {
  std::optional<InterventionKind> kind;
  std::optional<std::string> form;  // a form id, "mixed", or none
  std::optional<double> compound_mg_per_day;
  std::optional<double> elemental_mg_per_day;
  std::optional<Route> route;
  std::optional<std::string> description;
};

// A randomized group and its size.
struct StudyArm {
  std::string group;
  long long n_randomized = 0;
};

struct Discrepancy {
  std::string source;  // article id
  std::string note;
};

// A study, review or guideline, as published (identifiers confirmed or null).
struct Study {
  static constexpr Table table = Table::studies;
  std::string id;
  std::string first_author;
  std::optional<std::string> authors;
  int year = 0;
  std::string title;
  std::string journal;
  std::optional<std::string> volume, issue, pages, pmid, doi;
  Design design = Design::rct;
  Subjects subjects = Subjects::human;
  std::vector<Population> populations;  // a review lists every one it covers
  std::optional<std::string> country;
  std::optional<long long> n_randomized, n_analysed, n_trials;  // randomized = ITT
  std::vector<StudyArm> arms;
  Intervention intervention;
  std::optional<std::string> comparator;
  std::optional<double> duration_days;
  std::optional<std::string> primary_outcome;
  struct Result {
    std::string summary;
  } result;
  std::vector<Outcome> outcomes;
  std::optional<Conclusion> conclusion;  // none when not an efficacy study
  std::optional<RiskOfBias> risk_of_bias;
  std::optional<std::string> risk_of_bias_by;  // the review that judged it
  std::optional<bool> industry_funded;
  std::optional<std::string> funding;
  std::vector<std::string> cited_by;
  std::vector<Discrepancy> discrepancies;
  std::optional<std::string> notes;
  std::vector<std::string> sources;
};

// What one article says about a claim, and where (its section heading).
struct Stance {
  std::string source;  // article id
  StanceKind stance = StanceKind::mixed;
  std::string locator;
};

// A claim the articles make, paraphrased, with the verdict of the evidence.
struct Claim {
  static constexpr Table table = Table::claims;
  std::string id;
  ClaimTopic topic = ClaimTopic::other_remedies;
  std::string text;
  // How `mgcramp check` finds the claim in a sentence (data/SCHEMA.md "Cue
  // patterns"): each pattern is slots joined by " + ".
  std::vector<std::string> cues;
  // Claims this one asserts too ("...so it prevents cramps") and claims it
  // denies ("...rather than cramps"): an article that supports this claim
  // and takes the other side on one of those is mixed on it.
  std::vector<std::string> implies, denies;
  std::vector<Stance> stances;
  struct Verdict {
    Rating rating = Rating::insufficient;
    std::string summary;
    std::vector<std::string> evidence;  // study or source ids
  } verdict;
};

struct Cause {
  static constexpr Table table = Table::causes;
  std::string id, name;
  CauseCategory category = CauseCategory::idiopathic;
  std::string mechanism, evidence_note;
  std::vector<std::string> sources;
};

struct Remedy {
  static constexpr Table table = Table::remedies;
  std::string id, name;
  RemedyCategory category = RemedyCategory::physical;
  RemedyUse use = RemedyUse::both;
  EvidenceLevel evidence_level = EvidenceLevel::none;
  Certainty certainty = Certainty::not_graded;
  std::string evidence;
  std::vector<std::string> studies;
  bool prescription_only = false;  // a clinician's option, not self-care
  std::optional<std::string> caution;
  std::vector<std::string> sources;
};

struct Symptom {
  static constexpr Table table = Table::symptoms;
  std::string id, name;
  SymptomOf condition = SymptomOf::deficiency;
  SymptomCategory category = SymptomCategory::general;
  SymptomBasis basis = SymptomBasis::reference;
  std::string description;
  std::optional<std::string> threshold;  // e.g. a serum level, as the source gives it
  std::vector<std::string> sources;
};

struct Interaction {
  static constexpr Table table = Table::interactions;
  std::string id, drug_class;
  std::vector<std::string> examples;
  InteractionCategory category = InteractionCategory::other;
  std::string effect, advice;
  std::vector<std::string> sources;
};

// A medicine and what its sources say of it and magnesium: `interaction`
// names the interactions record of its drug class, `timing` is the source's
// own advice on spacing doses, quoted.
struct Medicine {
  static constexpr Table table = Table::medicines;
  std::string id, generic_name;
  std::vector<std::string> brand_names;
  std::string drug_class;
  MedicineEffect effect = MedicineEffect::unconfirmed;
  std::optional<std::string> interaction;  // an interactions id
  std::optional<std::string> mechanism;
  std::optional<std::string> timing;
  std::optional<bool> causes_cramps;  // null: the sources here say nothing
  std::optional<std::string> cramps_evidence;
  std::optional<std::string> note;
  std::vector<std::string> sources;
};

// A medical condition and what its sources say of magnesium with it.
struct MedicalCondition {
  static constexpr Table table = Table::conditions;
  std::string id, name;
  std::vector<std::string> aliases;
  std::optional<bool> lowers_magnesium;  // null: not established by the sources here
  bool supervision = false;              // magnesium only under medical supervision
  std::string evidence;
  std::optional<std::string> cause;  // a causes id
  std::vector<std::string> sources;
};

// A sign that cramps need a clinician's assessment rather than a supplement.
struct RedFlag {
  static constexpr Table table = Table::red_flags;
  std::string id, sign, why;
  std::vector<std::string> sources;
};

// Words `mgcramp check` reads a sentence's stance and an article's
// commercial signals by (data/SCHEMA.md "Cue patterns").
struct Cue {
  static constexpr Table table = Table::cues;
  std::string id;
  CueKind kind = CueKind::negation;
  std::vector<std::string> phrases;
  std::optional<std::string> note;
  std::vector<std::string> sources;
};

struct Dataset {
  int schema_version = 0;
  std::optional<std::string> description;
  // The dataset's own version, and the day its evidence was last reviewed
  // (YYYY-MM-DD): shown by --version and validate, so a citation of mgcramp
  // can say how current it is.
  std::optional<std::string> data_version;
  std::optional<std::string> reviewed;
  std::string origin;  // file name, or "<embedded>"; not part of the data
  std::vector<Source> sources;
  std::vector<Notice> notices;
  std::vector<Intake> intakes;
  DailyValue daily_value;
  std::vector<Food> foods;
  AtomicMasses atomic_masses;
  std::vector<Form> forms;
  std::vector<Study> studies;
  std::vector<Claim> claims;
  std::vector<Cause> causes;
  std::vector<Remedy> remedies;
  std::vector<Symptom> symptoms;
  std::vector<Interaction> interactions;
  std::vector<Medicine> medicines;
  std::vector<MedicalCondition> conditions;
  std::vector<RedFlag> red_flags;
  std::vector<Cue> cues;

  const Source* find_source(const std::string& id) const;
  const Notice* find_notice(const std::string& id) const;
  const Study* find_study(const std::string& id) const;
  const Form* find_form(const std::string& id) const;
};

}  // namespace mgcramp
