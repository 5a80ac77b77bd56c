package dev.kmslab.server.ops;

import dev.kmslab.engine.model.AliasListEntry;
import dev.kmslab.engine.model.CreateAliasRequest;
import dev.kmslab.engine.model.DeleteAliasRequest;
import dev.kmslab.engine.model.ListAliasesRequest;
import dev.kmslab.engine.model.ListAliasesResult;
import dev.kmslab.engine.model.UpdateAliasRequest;
import dev.kmslab.server.json.JsonOutput;
import java.util.Map;

/** CreateAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasEndpoints {

    private AliasEndpoints() {
    }

    static void register(Map<String, Operation> table) {
        table.put("CreateAlias", (engine, caller, in, out) -> engine.createAlias(caller,
                new CreateAliasRequest(in.requiredString("AliasName"), in.requiredString("TargetKeyId"))));
        table.put("UpdateAlias", (engine, caller, in, out) -> engine.updateAlias(caller,
                new UpdateAliasRequest(in.requiredString("AliasName"), in.requiredString("TargetKeyId"))));
        table.put("DeleteAlias", (engine, caller, in, out) ->
                engine.deleteAlias(caller, new DeleteAliasRequest(in.requiredString("AliasName"))));
        table.put("ListAliases", (engine, caller, in, out) -> {
            ListAliasesResult page = engine.listAliases(caller, new ListAliasesRequest(in.string("KeyId"),
                    in.integer("Limit"), in.string("Marker")));
            out.writeArrayFieldStart("Aliases");
            for (AliasListEntry alias : page.aliases()) {
                out.writeStartObject();
                JsonOutput.string(out, "AliasName", alias.aliasName());
                JsonOutput.string(out, "AliasArn", alias.aliasArn());
                JsonOutput.string(out, "TargetKeyId", alias.targetKeyId());
                JsonOutput.timestamp(out, "CreationDate", alias.creationDate());
                JsonOutput.timestamp(out, "LastUpdatedDate", alias.lastUpdatedDate());
                out.writeEndObject();
            }
            out.writeEndArray();
            JsonOutput.page(out, page.nextMarker(), page.truncated());
        });
    }
}
