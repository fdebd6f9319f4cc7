package dev.deskpilot.vlm.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.deskpilot.vlm.weights.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * A small writer for ONNX graphs: inputs, outputs, initializers and nodes, each op call returning
 * the name of its output so graph code reads like the forward pass. Ops named {@code "com.microsoft:X"}
 * go to ONNX Runtime's contrib domain.
 */
final class Graph {
    /** ai.onnx opset the graphs import; ORT 1.29 runs up to 26. */
    static final int OPSET = 21;
    /** IR version written; ORT 1.29 reads up to 13. */
    static final int IR_VERSION = 10;

    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;
    static final int UINT8 = TensorProto.DataType.UINT8_VALUE;
    static final int BOOL = TensorProto.DataType.BOOL_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, Integer> counters = new HashMap<>();
    private String scope = "";

    Graph(String name) {
        graph.setName(name);
    }

    /** Prefix for generated value names, e.g. "layers.3", so the graph reads well in a viewer. */
    void scope(String s) {
        scope = s;
    }

    /** Declares a graph input; a dimension is a Long (fixed) or a String (named, dynamic). */
    String input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return name;
    }

    /** Declares a graph output produced under {@code name}. */
    void output(String name, int elemType, Object... dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
    }

    private static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        var shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            var dim = shape.addDimBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
        }
        var type = TypeProto.newBuilder()
                .setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape));
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** A float32 initializer. */
    String weight(String name, Tensor t) {
        return weight(name, t.data(), t.shape());
    }

    /** A float32 initializer of the given shape. */
    String weight(String name, float[] data, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        return initializer(name, FLOAT, ByteString.copyFrom(b.array()), shape);
    }

    /** A uint8 initializer (packed 4-bit weights). */
    String bytes(String name, byte[] data, int... shape) {
        return initializer(name, UINT8, ByteString.copyFrom(data), shape);
    }

    /** An int64 constant, as an initializer. */
    String longs(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return initializer(unique(name), INT64, ByteString.copyFrom(b.array()), values.length);
    }

    /** An int64 scalar constant. */
    String scalarLong(String name, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value);
        return initializer(unique(name), INT64, ByteString.copyFrom(b.array()));
    }

    /** A float scalar constant. */
    String scalar(String name, float value) {
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, value);
        return initializer(unique(name), FLOAT, ByteString.copyFrom(b.array()));
    }

    private String initializer(String name, int type, ByteString raw, int... shape) {
        var t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(raw);
        for (int d : shape) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds a node with one output and returns the output's name. */
    String op(String opType, Map<String, Object> attributes, String... inputs) {
        return ops(opType, 1, attributes, inputs)[0];
    }

    /** Adds a node with one output and no attributes. */
    String op(String opType, String... inputs) {
        return op(opType, Map.of(), inputs);
    }

    /** Adds a node with {@code outputs} outputs and returns their names. */
    String[] ops(String opType, int outputs, Map<String, Object> attributes, String... inputs) {
        String[] names = new String[outputs];
        String base = unique(scope.isEmpty() ? simple(opType) : scope + "." + simple(opType));
        for (int i = 0; i < outputs; i++) {
            names[i] = outputs == 1 ? base : base + ":" + i;
        }
        node(opType, attributes, inputs, names);
        return names;
    }

    /** Adds a node writing to given output names ("" leaves an optional output unused). */
    void node(String opType, Map<String, Object> attributes, String[] inputs, String[] outputs) {
        var n = NodeProto.newBuilder().setName(unique("node." + (scope.isEmpty() ? "" : scope + ".") + simple(opType)));
        int colon = opType.indexOf(':');
        if (colon >= 0) {
            n.setDomain(opType.substring(0, colon)).setOpType(opType.substring(colon + 1));
        } else {
            n.setOpType(opType);
        }
        for (String in : inputs) {
            n.addInput(in);
        }
        for (String out : outputs) {
            n.addOutput(out);
        }
        for (var a : attributes.entrySet()) {
            n.addAttribute(attribute(a.getKey(), a.getValue()));
        }
        graph.addNode(n);
    }

    /** Renames a value to a graph output name through Identity. */
    void rename(String from, String to) {
        node("Identity", Map.of(), new String[] {from}, new String[] {to});
    }

    private static AttributeProto attribute(String name, Object value) {
        var a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case Double d -> a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case String s -> a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] ls -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            }
            case int[] is -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (int i : is) {
                    a.addInts(i);
                }
            }
            case TensorProto t -> a.setType(AttributeProto.AttributeType.TENSOR).setT(t);
            default -> throw new IllegalArgumentException("unsupported attribute " + name + ": " + value.getClass());
        }
        return a.build();
    }

    /** A fresh value name in the current scope, for nodes written with {@link #node}. */
    String fresh(String base) {
        return unique(scope.isEmpty() ? base : scope + "." + base);
    }

    private String unique(String base) {
        int n = counters.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + (n - 1);
    }

    private static String simple(String opType) {
        int colon = opType.indexOf(':');
        return colon >= 0 ? opType.substring(colon + 1) : opType;
    }

    /** The finished model. */
    OnnxMl.ModelProto model(String docString) {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("deskpilot")
                .setDocString(docString)
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
                        .setDomain("com.microsoft")
                        .setVersion(1))
                .setGraph(graph)
                .build();
    }

    // ---- small helpers used by every graph

    /** Constant int64 vector for shape/axes/split inputs. */
    String shape(long... dims) {
        return longs("const", dims);
    }

    String matmul(String x, String w) {
        return op("MatMul", x, w);
    }

    String add(String a, String b) {
        return op("Add", a, b);
    }

    String mul(String a, String b) {
        return op("Mul", a, b);
    }

    String reshape(String x, long... dims) {
        return op("Reshape", x, shape(dims));
    }

    String transpose(String x, int... perm) {
        return op("Transpose", Map.of("perm", perm), x);
    }

    String[] split(String x, int axis, long... sizes) {
        return ops("Split", sizes.length, Map.of("axis", axis), x, shape(sizes));
    }

    String concat(int axis, String... xs) {
        return op("Concat", Map.of("axis", axis), xs);
    }

    String unsqueeze(String x, long... axes) {
        return op("Unsqueeze", x, shape(axes));
    }
}
