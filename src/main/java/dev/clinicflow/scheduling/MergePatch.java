package dev.clinicflow.scheduling;

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
 * JSON merge patch (RFC 7396) on any writable input record, as the patient registry does
 * it: members of the patch replace those of the record, {@code null} removes them, nested
 * objects merge, arrays are replaced whole. The result is validated like a new record.
 * (Named for its module: the patient registry has a bean of the same class name.)
 */
@Component("schedulingMergePatch")
class MergePatch {

	private final JsonMapper json;

	private final Validator validator;

	MergePatch(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	<T> T apply(T current, JsonNode patch, Class<T> type) {
		if (!patch.isObject()) {
			throw InvalidRequest.field("body", "must be a JSON object (a merge patch)");
		}
		T result = this.json.treeToValue(merge(this.json.valueToTree(current), patch), type);
		var violations = this.validator.validate(result);
		if (!violations.isEmpty()) {
			throw InvalidRequest.fields(violations.stream()
				.map((ConstraintViolation<T> violation) -> new InvalidField(violation.getPropertyPath().toString(),
						violation.getMessage()))
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
