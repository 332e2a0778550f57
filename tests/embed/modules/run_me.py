RUN_ME_RESULT = "ran"
