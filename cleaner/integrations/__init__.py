"""Adapters for data-processing frameworks; each needs its framework installed (an extra).

* :mod:`cleaner.integrations.datatrove` (``pip install cleaner[datatrove]``): a pipeline
  step for datatrove, runnable under its local, Slurm and Ray executors.
"""
