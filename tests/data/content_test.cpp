// Facts about the shipped dataset, data/mgcramp.json as the build embeds it:
// which records it holds. The loader's rules are tested in tests/unit on a
// fixture; when a check here fails, the data changed, not the code.
#include <catch2/catch.hpp>

#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/model/tables.hpp"

using namespace mgcramp;

TEST_CASE("every table of the shipped dataset has records") {
  // The loader lets the context tables be empty; the shipped data fills them all.
  for (const auto& t : table_counts(embedded_dataset())) {
    INFO(t.table);
    CHECK(t.records > 0);
  }
}
