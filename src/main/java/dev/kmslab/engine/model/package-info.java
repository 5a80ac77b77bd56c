/** The request and result records and enums of the API, named after AWS KMS; a leaf: it names nothing else of the engine. */
package dev.kmslab.engine.model;
