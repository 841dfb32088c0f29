"""Grading beyond one machine (docs/scale.md): `grade worker` hosts take candidate jobs from a Celery queue on
Redis and grade them with the same code path as `grade batch`; `grade batch --broker` enqueues them and records
each results document once. jobs.py: the job and the Celery app; worker.py: the worker; coordinator.py: the batch.
"""
