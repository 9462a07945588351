"""Jobs over many files: the isolated worker pool (``pool``), the per-file pipeline and
``validate`` (precheck -> read -> check -> score, in workers), and the main job,
``consolidate`` (fates, scores, summary, feedback, export)."""
