# One switch for the whole tree, so the library, the CLI and the tests agree on the runtime.
if(CHARTPROOF_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # Recoverable, so tests/ubsan.supp can silence the one report inside rapidjson's headers (a
  # suppression only applies to a recoverable check); anywhere else it still prints a report.
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options(-fsanitize-recover=pointer-overflow)
  endif()
endif()
