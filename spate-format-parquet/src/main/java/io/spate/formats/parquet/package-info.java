package io.spate.formats.parquet;
