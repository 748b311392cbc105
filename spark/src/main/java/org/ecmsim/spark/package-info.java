/**
 * Runs an ecmsim study on an Apache Spark cluster ({@link org.ecmsim.spark.SparkStudy}): the driver reads the study
 * file and expands its design with the study module; each Spark task runs one scenario on one thread (the same
 * {@link org.ecmsim.study.StudyRunner#evaluate} a local {@code ecmsim sweep} calls); every run, failed or not,
 * comes back as a row with its status; the rows are written once to Parquet, read back on the driver and handed
 * to {@link org.ecmsim.study.StudyRunner#finish}, so the files (runs.csv, sensitivity.csv, pareto.csv,
 * optimum.yaml, study.json) are those of a local run, byte for byte. Spark is provided by the cluster.
 */
package org.ecmsim.spark;
