package dev.kmslab.engine.authz;

import dev.kmslab.engine.model.KeySpec;
import dev.kmslab.engine.model.KeyUsage;
import dev.kmslab.engine.model.OriginType;
import java.util.List;

/** The facts about a key an authorizer may test (resource ARN and kms:KeySpec, kms:KeyUsage, kms:KeyOrigin, ...). */
public record KeyDescriptor(String arn, String keyId, String account, KeySpec keySpec, KeyUsage keyUsage,
                            OriginType origin, boolean multiRegion, List<String> aliases) {
}
