# chartproof_warnings(target): the project's warning set; errors when CHARTPROOF_WERROR is on (CI).
function(chartproof_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
    # GCC 12 reports false -Wrestrict positives inside std::string concatenation (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
    # Rule metadata is written with designated initialisers that leave defaulted members out
    # (RuleMeta{.id = …, .pack = …}); GCC 12 and clang still call that a missing initialiser.
    -Wno-missing-field-initializers
    # rapidjson's iterators predate C++20's rewritten comparisons; clang warns inside its headers.
    $<$<CXX_COMPILER_ID:Clang>:-Wno-ambiguous-reversed-operator>)
  if(CHARTPROOF_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
