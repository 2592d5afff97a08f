# Every dependency is a Debian package (scripts/install-deps.sh installs them).
option(CHARTPROOF_STATIC "Link the chartproof executable fully statically (make dist)" OFF)
if(CHARTPROOF_STATIC)
  # Debian ships the static archives beside the shared libraries: prefer them.
  set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
endif()
find_package(Threads REQUIRED)
find_package(RapidJSON REQUIRED)
# valijson's headers come from scripts/install-deps.sh's unpacked package (.cache/valijson; see
# there why not the Debian package itself), else from an installed libvalijson-dev.
find_package(valijson REQUIRED HINTS ${CMAKE_SOURCE_DIR}/.cache/valijson/usr)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# libyaml (libyaml-dev): the YAML parser go-yaml v2, and so Kubernetes and helm, descends from.
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
if(CHARTPROOF_CLI)
  find_package(CLI11 REQUIRED)
endif()
if(CHARTPROOF_TESTS)
  find_package(doctest REQUIRED)
endif()
if(CHARTPROOF_PYTHON)
  set(PYBIND11_FINDPYTHON ON)  # FindPython with Python_EXECUTABLE: builds for the interpreter that asks
endif()

# One RAPIDJSON_ASSERT for every translation unit (lib/src/support/rapidjson_assert.hpp says why):
# forced first on each compile line, before any RapidJSON or valijson header can define its own.
add_compile_options("SHELL:-include ${CMAKE_SOURCE_DIR}/lib/src/support/rapidjson_assert.hpp")
