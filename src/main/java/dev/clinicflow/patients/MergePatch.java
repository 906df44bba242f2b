package dev.clinicflow.patients;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.clinicflow.shared.InvalidField;
import dev.clinicflow.shared.InvalidRequest;

import org.springframework.stereotype.Component;

/**
 * JSON merge patch (RFC 7396) on a patient's writable part: members of the patch replace
 * those of the record, {@code null} removes them, nested objects merge. The result is
 * validated like a new record, so a patch can never store what a create would refuse.
 */
@Component
class MergePatch {

	private final JsonMapper json;

	private final Validator validator;

	MergePatch(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	PatientInput apply(PatientInput current, JsonNode patch) {
		if (!patch.isObject()) {
			throw InvalidRequest.field("body", "must be a JSON object (a merge patch)");
		}
		JsonNode merged = merge(this.json.valueToTree(current), patch);
		PatientInput result = this.json.treeToValue(merged, PatientInput.class);
		var violations = this.validator.validate(result);
		if (!violations.isEmpty()) {
			throw InvalidRequest.fields(violations.stream()
				.map((ConstraintViolation<PatientInput> violation) -> new InvalidField(
						violation.getPropertyPath().toString(), violation.getMessage()))
				.toList());
		}
		return result;
	}

	static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				JsonNode existing = result.get(member.getKey());
				result.set(member.getKey(),
						merge((existing != null) ? existing : result.nullNode(), member.getValue()));
			}
		}
		return result;
	}

}
