"""Timeline summarization benchmarks: the news-tls protocol on Timeline17 (t17_tls.py), its
metric (tls_metric.py over rouge.py, ROUGE-1.5.5's counts), and the check of that metric on
published system outputs (sdf_check.py)."""
