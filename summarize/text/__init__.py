"""The text pipeline: segmentation, tokens and terms, documents, boilerplate,
tf-idf features and near-duplicate grouping."""
