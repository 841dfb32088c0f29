"""CI mode: git plumbing (`git`), the check of a submission branch (`check`), GitHub annotations
(`annotations`) and the submission repository's creation (`init`, `templates/`)."""
