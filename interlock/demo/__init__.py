"""The generated demo case: a fictional city's public records with a planted conflict-of-interest pattern.

``interlock.demo.generate.generate(root, emails=20_000, seed=7)`` writes the sources under
``root/input/`` and the ground truth under ``root/truth.json``. Everything in it is invented.
"""
