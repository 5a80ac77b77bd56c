package dev.kmslab.server.ops;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kmslab.engine.CallerContext;
import dev.kmslab.engine.KmsEngine;
import dev.kmslab.server.json.JsonInput;
import java.io.IOException;

/**
 * One KMS API operation on the wire: reads the request members, calls the engine and writes the response members
 * into the already opened top-level JSON object (writing nothing gives AWS's empty {@code {}} response).
 */
@FunctionalInterface
public interface Operation {

    void invoke(KmsEngine engine, CallerContext caller, JsonInput in, JsonGenerator out) throws IOException;
}
