package io.spate.table.planner.translate;

import io.spate.table.api.TableException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.keys.SqlKeyTypeInfo;
import io.spate.table.types.logical.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** The equality keys of a join: which fields of each side, and the type of the key both sides are partitioned by. */
record JoinKeys(int[] left, int[] right, List<LogicalType> types) {

  /** Keys of fields {@code left} of {@code leftType} equal to fields {@code right} of {@code rightType}. */
  static JoinKeys of(List<Integer> left, List<Integer> right, RelDataType leftType, RelDataType rightType) {
    List<LogicalType> keyTypes = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      RelDataTypeField leftField = leftType.getFieldList().get(left.get(i));
      RelDataTypeField rightField = rightType.getFieldList().get(right.get(i));
      LogicalType leftKey = SpateTypeFactory.toLogicalType(leftField.getType()).copy(true);
      LogicalType rightKey = SpateTypeFactory.toLogicalType(rightField.getType()).copy(true);
      if (!leftKey.equals(rightKey)) {
        throw new TableException("Spate SQL does not join keys of different types yet: " + leftField.getName() + " ("
            + leftKey.asSummaryString() + ") = " + rightField.getName() + " (" + rightKey.asSummaryString()
            + "); CAST one side");
      }
      keyTypes.add(leftKey);
    }
    return new JoinKeys(left.stream().mapToInt(Integer::intValue).toArray(),
        right.stream().mapToInt(Integer::intValue).toArray(), keyTypes);
  }

  /** The key selector of the left side. */
  SqlKeySelector leftSelector() {
    return SqlKeySelector.of(left, types);
  }

  /** The key selector of the right side. */
  SqlKeySelector rightSelector() {
    return SqlKeySelector.of(right, types);
  }

  /** The type of the keys both sides are partitioned by. */
  SqlKeyTypeInfo type() {
    return SqlKeyTypeInfo.of(types);
  }
}
