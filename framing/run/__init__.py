"""How a run is carried out: the per-document stage (``documents``) and its disk cache
(``cache``), findings held between stages (``held``), worker processes (``pool``), a Dask
cluster (``cluster``), and the clock and collector of a run (``timing``)."""
