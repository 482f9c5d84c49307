"""The question log: an embedded SQLite database in ``DATA_DIR`` (no server).

``schema`` opens it and migrates it forward, ``questionlog`` writes from one thread, ``queries``
reads.
"""
