# One switch for the whole tree, so the library, the CLI and the tests agree on the runtime.
if(CHARTPROOF_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
