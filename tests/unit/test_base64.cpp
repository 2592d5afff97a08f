// support::decode_base64 judges as Go's base64.StdEncoding.DecodeString (what the API server uses
// for Secret data): padding required, CR and LF ignored, every other stray byte an error.
#include <doctest/doctest.h>

#include "support/base64.hpp"

using chartproof::support::decode_base64;

TEST_CASE("base64 decodes what Go's StdEncoding decodes") {
  CHECK(*decode_base64("c2VjcmV0").bytes == "secret");
  CHECK(*decode_base64("c2VjcmV0IQ==").bytes == "secret!");
  CHECK(*decode_base64("c2VjcmV0ISE=").bytes == "secret!!");
  CHECK(*decode_base64("").bytes == "");
  CHECK(*decode_base64("c2Vj\ncmV0\r\n").bytes == "secret");  // newlines anywhere are ignored
}

TEST_CASE("base64 rejects what Go's StdEncoding rejects, naming the offset") {
  struct Case {
    const char* text;
    std::size_t offset;
  };
  for (const Case& c : {Case{"c2VjcmV0IQ", 10}, Case{"c2V jcmV0", 3}, Case{"c2Vj\xc3\xa9", 4}, Case{"=c2V", 0},
                        Case{"c2VjcmV0IQ==YQ==", 12}, Case{"c2VjcmV0I===", 9}, Case{"c2Vj\xff", 4}}) {
    CAPTURE(c.text);
    auto r = decode_base64(c.text);
    CHECK_FALSE(r);
    CHECK(r.error.offset == c.offset);
    CHECK_FALSE(r.error.what.empty());
  }
}
