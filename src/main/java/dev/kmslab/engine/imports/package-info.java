/** Imported key material: GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial. */
package dev.kmslab.engine.imports;
