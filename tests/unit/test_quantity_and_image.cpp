// Kubernetes quantities compared exactly; image references split like the container runtime does.
#include <doctest/doctest.h>

#include "model/image_ref.hpp"
#include "model/quantity.hpp"

using chartproof::parse_quantity;

namespace {
chartproof::Quantity q(const char* text) {
  auto v = parse_quantity(text);
  REQUIRE_MESSAGE(v, text);
  return *v;
}
}  // namespace

TEST_CASE("quantities: every suffix form, compared exactly") {
  CHECK(q("500m") < q("1"));
  CHECK(q("1000m") == q("1"));
  CHECK(q("512Mi") < q("1Gi"));
  CHECK(q("1024Mi") == q("1Gi"));
  CHECK(q("1e3") == q("1k"));
  CHECK(q("1.5Gi") == q("1536Mi"));
  CHECK(q("1G") < q("1Gi"));
  CHECK(q("0.5") == q("500m"));
  CHECK(q("1E-3") == q("1m"));
  CHECK(q("100n") < q("1u"));
  CHECK(q("-1") < q("0"));
  CHECK(q("+2") == q("2"));
  CHECK(q("1Ei") > q("1E"));
  CHECK(q("0.1n") == q("1n"));  // below nano precision rounds up, as in Kubernetes
  CHECK(q("1.5Gi").to_string() == "1536Mi");
  CHECK(q("250m").to_string() == "250m");
  CHECK(q("2").to_string() == "2");
  for (const char* bad : {"", "Mi", "512MB", "1 Gi", "0.5cores", "64mi", "1e3m", "1.2.3", "1e", "e3", "--1", "1Ki2",
                          "99999999999999999999999999999999999999999"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_quantity(bad));
  }
}

TEST_CASE("image references: tag, digest and registry ports") {
  auto a = chartproof::parse_image_ref("registry.example.com:5000/team/app:1.2.3@sha256:abc");
  CHECK(a.name == "registry.example.com:5000/team/app");
  CHECK(a.tag == "1.2.3");
  CHECK(a.digest == "sha256:abc");
  auto b = chartproof::parse_image_ref("localhost:5000/app");
  CHECK(b.name == "localhost:5000/app");
  CHECK(b.tag.empty());
  auto c = chartproof::parse_image_ref("nginx");
  CHECK(c.tag.empty());
  CHECK(chartproof::parse_image_ref("nginx:latest").tag == "latest");
}
