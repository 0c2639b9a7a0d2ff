#pragma once
// References for people and reference managers: the NLM-style text that
// `cite` lists and the JSON's sources carry, BibTeX and RIS.
#include <string>
#include <vector>

#include "mgcramp/query/cite.hpp"
#include "mgcramp/render/render.hpp"

namespace mgcramp {

// "Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium for skeletal muscle
// cramps. Cochrane Database of Systematic Reviews. 2020;(9):CD009402.
// doi:10.1002/... PMID: 32956536." (NLM style, for people).
std::string reference_text(const Citable& c);

// One BibTeX entry or RIS record (`format` bibtex or ris) per item,
// separated by blank lines.
// Control characters in the data never reach the output.
std::string format_citations(const std::vector<Citable>& items, Format format);

}  // namespace mgcramp
