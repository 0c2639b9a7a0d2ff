#pragma once
// Query results shaped for the renderers: one function per command. They
// take typed queries; the CLI parses the options into them, calls these and
// renders what they return.
#include <string>
#include <vector>

#include "mgcramp/check/matcher.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/fooddb/import.hpp"
#include "mgcramp/fooddb/view.hpp"
#include "mgcramp/model/records.hpp"
#include "mgcramp/query/assess.hpp"
#include "mgcramp/query/cite.hpp"
#include "mgcramp/query/claims.hpp"
#include "mgcramp/query/foods.hpp"
#include "mgcramp/query/meta.hpp"
#include "mgcramp/query/profile.hpp"
#include "mgcramp/query/records.hpp"
#include "mgcramp/query/search.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/query/trials.hpp"
#include "mgcramp/report/record_value.hpp"
#include "mgcramp/report/report.hpp"

namespace mgcramp {

// `mgcramp rda`: the reference intakes for a profile (or every life stage).
Report rda_report(const Dataset& ds, const Profile& profile);

// `mgcramp foods`: ranked foods; with a reference intake (a full profile),
// the share of its RDA per serving and the servings needed to reach it.
Report foods_report(const Dataset& ds, const FoodQuery& q, const Profile& profile, bool plot);
// The same for a ranking already made, with (`db`, when a food database is
// in use) the database rows behind its foods: their data type, fdc_id and
// release, label-declared branded figures, and how many foods under 5 kcal
// per 100 g a per-100 kcal ranking left out.
Report foods_report(const Dataset& ds, const FoodQuery& q, const std::vector<RankedFood>& ranked,
                    const Profile& profile, bool plot, const fooddb::DbRows* db);

// `mgcramp forms`: every form side by side; `mgcramp forms NAME`: one in full.
Report forms_report(const Dataset& ds);
Report form_report(const Dataset& ds, const Form& form);

// `mgcramp dose`: elemental magnesium (mg, mmol, mEq) in a dose (or the
// reverse), one row per form and hydration state (`asked`: the one form
// asked about, or null for all), and, with a reference intake, its share of
// the supplemental upper limit.
Report dose_report(const Dataset& ds, const std::vector<Dose>& doses, const Form* asked,
                   const Profile& profile);

// `mgcramp intake`: a day's magnesium from foods and supplements.
Report intake_report(const Dataset& ds, const DayIntake& day, const Profile& profile);

// `mgcramp assess`: what the evidence says for one person, in sections
// (evidence, needs, low-magnesium factors, safety, red flags, alternatives);
// for an infant, the AI and "see a paediatrician" only. `points`: the same
// answer as one row per point (section, level, text), for CSV.
enum class AssessShape { sections, points };
Report assess_report(const Dataset& ds, const AssessQuery& q,
                     AssessShape shape = AssessShape::sections);

// `mgcramp trials`: the pooled answer for each population first, then the
// studies matching a query, with magnesium trials and other treatments
// summarised apart; with `plot`, a forest plot of one outcome on one axis.
Report trials_report(const Dataset& ds, const TrialQuery& q, bool plot);

// `mgcramp meta --outcome M`: one outcome pooled, beside the reviews'
// published estimates; with `plot`, its forest plot.
Report meta_report(const Dataset& ds, const MetaQuery& q, bool plot);

// `mgcramp meta` alone: the outcomes studies report, and how many.
Report meta_outcomes_report(const Dataset& ds, InterventionKind kind);

// `mgcramp claims`: each claim, every article's stance and the verdict.
Report claims_report(const Dataset& ds, const ClaimQuery& q);

// The same claims as a compact table, one row per claim: its id, text and
// rating, one column per article with its stance, and the evidence ids
// (with a source, a column of that article's standing).
Report claims_table_report(const Dataset& ds, const ClaimQuery& q);

// What agrees, at-odds, unsettled and overstates mean, for a note.
std::string standing_legend();

// `mgcramp sources`: each source, its commercial interest and, for an
// article, its scorecard against the evidence.
Report sources_report(const Dataset& ds);

// `mgcramp sources ID` for an article: each claim it takes a stance on, the
// stance, the verdict's rating, the standing and whether it overstates,
// with the scorecard as the summary.
Report article_report(const Dataset& ds, const Source& article);

// `mgcramp check FILE`: the claims an article makes (`name`: the file as
// given), each with its sentences, the verdict and the article's standing;
// its scorecard, commercial signals and the health claims not judged.
Report check_report(const Dataset& ds, const check::Document& doc, const check::Reading& rd,
                    std::string_view name);
// The same, one row per sentence (CSV).
Report check_sentences_report(const Dataset& ds, const check::Document& doc,
                              const check::Reading& rd, std::string_view name);

// `mgcramp causes|remedies|symptoms|interactions`, filtered by category.
Report causes_report(const Dataset& ds, std::optional<CauseCategory> category);
Report remedies_report(const Dataset& ds, std::optional<RemedyCategory> category);
Report symptoms_report(const Dataset& ds, std::optional<SymptomOf> kind,
                       std::optional<SymptomCategory> category);
// With `medicine` (interactions --med NAME): the interaction records of that
// one medicine, led by what the dataset says of it, and, where it holds no
// record of one, that absence here is not evidence of no interaction.
Report interactions_report(const Dataset& ds, std::optional<InteractionCategory> category,
                           const MedicineLookup* medicine = nullptr);

// `mgcramp show ID`: one record of any table in full, the records that
// refer to it and its sources resolved (and, for an intake, its notices).
Report show_report(const Dataset& ds, RecordRef record);

// `mgcramp search TEXT`: ranked matches across every table.
Report search_report(const Dataset& ds, const SearchQuery& q);

// `mgcramp cite ID...`: for people and scripts, and with --format bibtex or
// ris for reference managers (Report::citations).
Report citations_report(const std::vector<Citable>& items);

// `mgcramp import fdc`: the foods written per data type, what was read
// and skipped, the release.
Report import_report(const fooddb::ImportResult& res, const fooddb::ImportOptions& o);

// `mgcramp validate`: records per table.
// "dataset 2026.12.2, evidence last reviewed 2026-12-02" (or "dataset
// version not given" for a file without them).
std::string dataset_version_text(const Dataset& ds);

// validate --json on a dataset that fails: file, valid (false), error
// {message, hint, pointer, line, column}.
Report invalid_report(const std::string& file, const DataError& e);

Report validate_report(const Dataset& ds);

// Appends a "Sources:" note and one line per cited id (a source or a study),
// resolved to its title, in the order first cited. Shared by every command.
void add_source_notes(Report& r, const Dataset& ds, const std::vector<std::string>& ids);

// The profile in a report's query: age_months, sex and condition.
void add_profile_query(Report& r, const Profile& p);

// "age 25 years, female, pregnant" (empty for an empty profile).
std::string describe_profile(const Profile& p);

// Adds the notices with these ids (the UL's scope, kidney disease...) as
// notes, cautions as warnings, and collects their sources.
void add_notices(Report& r, const Dataset& ds, const std::vector<std::string>& notice_ids,
                 std::vector<std::string>& sources);

// "156 mg", "12.5 mg": milligrams for humans.
std::string mg_text(double mg);

}  // namespace mgcramp
