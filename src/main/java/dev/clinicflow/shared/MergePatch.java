package dev.clinicflow.shared;

import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * JSON merge patch (RFC 7396) on a writable input record: members of the patch replace
 * those of the record, {@code null} removes them, nested objects merge, arrays are
 * replaced whole. The result is validated like a new record, so a patch can never store
 * what a create would refuse.
 */
@Component
public class MergePatch {

	private final JsonMapper json;

	private final Validator validator;

	MergePatch(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	/**
	 * Applies a patch to a record's writable part.
	 * @param <T> the input record's type
	 * @param current the record as it is
	 * @param patch the merge patch, a JSON object
	 * @param type the input record's class
	 * @return the patched record, valid
	 * @throws InvalidRequest when the patch is not an object or the result is invalid
	 */
	public <T> T apply(T current, JsonNode patch, Class<T> type) {
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
