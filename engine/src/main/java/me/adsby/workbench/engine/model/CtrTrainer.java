package me.adsby.workbench.engine.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * A recipe's training graph in a session: trains on batches with Adam, scores batches, and checkpoints.
 *
 * <p>The loss is the sigmoid cross-entropy with logits, {@code max(x, 0) - x z + log(1 + exp(-|x|))},
 * averaged over the batch; Adam minimises it plus {@link Hyperparameters#l2()} times the sum of the squared
 * weights, and the losses reported (training and validation) are the cross-entropy alone. Training steps feed
 * the graph's training flag, so dropout and the image augmentation act there and never when scoring, and batch
 * normalization uses the batch's statistics there and updates its moving statistics (Adam does not train them),
 * while scoring uses the moving statistics, as the exported model does. Every initializer is seeded from
 * {@link Hyperparameters#seed()} and the session
 * uses a fixed number of threads. Two trainers with the same definition and batches on 1 thread give the
 * same losses bit for bit. On several threads TensorFlow's CPU kernels may split a contraction differently
 * from one run to the next and round differently in the last bits (about 1 repeated run in 7 of the demo's
 * tabular recipe on 2 threads; {@code TF_DETERMINISTIC_OPS=1} and one inter-op thread did not change that),
 * so such runs are close rather than identical. A checkpoint holds the weights, the moving statistics and Adam's
 * moments and step counters (and, in a {@code .steps} file beside it, the steps taken, which seed dropout and the
 * augmentation), so a trainer restored from it continues as the saved one would.
 *
 * <p>Not thread-safe; one thread trains. Close it to free the native graph and session.
 */
public final class CtrTrainer implements AutoCloseable {

    private final ModelDefinition definition;
    private final Graph graph;
    private final Session session;
    private final CtrNetwork.Ends ends;
    private final Placeholder<TFloat32> labels;
    private final Operand<TFloat32> loss;
    private final Op minimize;
    /** Training steps taken (restored with a checkpoint): seed dropout and the augmentation, to continue exactly. */
    private long steps;

    /** The step count's file beside a checkpoint's {@code .index} and {@code .data-*} files. */
    static final String STEPS_SUFFIX = ".steps";

    private CtrTrainer(ModelDefinition definition, Graph graph, int threads) {
        this.definition = definition;
        this.graph = graph;
        Ops tf = Ops.create(graph);
        this.ends = CtrNetwork.buildForTraining(tf, definition);
        this.labels = tf.withName(CtrNetwork.LABELS).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
        this.loss = sigmoidCrossEntropy(tf, ends.logits(), labels);
        this.minimize = trainOp(tf, new Adam(graph, definition.hyperparameters().learningRate()), objective(tf));
        this.session = new Session(graph, SessionConfig.withThreads(threads));
    }

    /** A trainer with fresh, seeded weights, using every available processor. */
    public static CtrTrainer create(ModelDefinition definition) {
        return create(definition, SessionConfig.defaultThreads());
    }

    /** A trainer with fresh, seeded weights, running TensorFlow on {@code threads} threads. */
    public static CtrTrainer create(ModelDefinition definition, int threads) {
        Graph graph = new Graph();
        try {
            return new CtrTrainer(definition, graph, threads);
        } catch (RuntimeException | Error e) {
            graph.close();
            throw e;
        }
    }

    public ModelDefinition definition() {
        return definition;
    }

    /** One Adam step on the batch; returns the batch's loss before the step (possibly NaN or infinite). */
    public float trainStep(Batch batch) {
        requireExamples(batch);
        try (BatchTensors tensors = tensors(batch, true);
             TBool on = TBool.scalarOf(true);
             TInt64 step = TInt64.scalarOf(steps);
             Result result = feed(session.runner(), tensors).feed(ends.training(), on).feed(ends.step(), step)
                     .addTarget(minimize).fetch(loss).run()) {
            steps++;
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /** The batch's loss and probabilities, without training. */
    public BatchScores evaluate(Batch batch) {
        requireExamples(batch);
        try (BatchTensors tensors = tensors(batch, true);
             Result result = feed(session.runner(), tensors).fetch(loss).fetch(ends.probability()).run()) {
            return new BatchScores(((TFloat32) result.get(0)).getFloat(), BatchTensors.floats(result.get(1)));
        }
    }

    /** Each example's click probability, in batch order (labels are ignored). */
    public float[] predict(Batch batch) {
        if (batch.size() == 0) {
            return new float[0];
        }
        try (BatchTensors tensors = tensors(batch, false);
             Result result = feed(session.runner(), tensors).fetch(ends.probability()).run()) {
            return BatchTensors.floats(result.get(0));
        }
    }

    /**
     * Writes a checkpoint (weights and optimizer state) to files named {@code prefix.index} and
     * {@code prefix.data-*}; creates the parent folder.
     */
    public void save(Path prefix) {
        try {
            Path parent = prefix.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint folder of " + prefix, e);
        }
        session.save(prefix.toString());
        try {
            Files.writeString(Path.of(prefix + STEPS_SUFFIX), Long.toString(steps));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the step count beside the checkpoint " + prefix, e);
        }
    }

    /** Replaces the weights and optimizer state with a checkpoint's. */
    public void restore(Path prefix) {
        if (!Files.exists(Path.of(prefix + ".index"))) {
            throw new IllegalArgumentException("No checkpoint at " + prefix + " (" + prefix + ".index is missing)");
        }
        session.restore(prefix.toString());
        Path stepsFile = Path.of(prefix + STEPS_SUFFIX);
        try {
            steps = Files.exists(stepsFile) ? Long.parseLong(Files.readString(stepsFile).strip()) : 0L;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("Cannot read the step count beside the checkpoint " + prefix + ": " + e, e);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private BatchTensors tensors(Batch batch, boolean withLabels) {
        return BatchTensors.of(batch,
                definition.readsNumeric() ? definition.features().numeric().size() : 0,
                definition.readsCategorical() ? definition.features().categorical().size() : 0,
                definition.readsImage() ? definition.hyperparameters().imageSize() : 0,
                withLabels);
    }

    private Session.Runner feed(Session.Runner runner, BatchTensors tensors) {
        if (ends.numeric() != null) {
            runner.feed(ends.numeric(), tensors.get(CtrNetwork.NUMERIC));
        }
        if (ends.categorical() != null) {
            runner.feed(ends.categorical(), tensors.get(CtrNetwork.CATEGORICAL));
        }
        if (ends.image() != null) {
            runner.feed(ends.image(), tensors.get(CtrNetwork.IMAGE));
        }
        if (tensors.has(CtrNetwork.LABELS)) {
            runner.feed(labels, tensors.get(CtrNetwork.LABELS));
        }
        return runner;
    }

    private static void requireExamples(Batch batch) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("A training or evaluation batch needs at least one example");
        }
    }

    /**
     * One training step's op: the optimizer's update of the trainable variables (not the moving statistics, which
     * it would otherwise take for weights), and the moving statistics' updates.
     */
    private Op trainOp(Ops tf, Optimizer optimizer, Operand<TFloat32> objective) {
        List<Variable<TFloat32>> trainable = ends.trainable();
        Output<?>[] variables = new Output<?>[trainable.size()];
        for (int i = 0; i < variables.length; i++) {
            variables[i] = trainable.get(i).asOutput();
        }
        Output<?>[] gradients = graph.addGradients(objective.asOutput(), variables);
        List<Optimizer.GradAndVar<? extends TType>> pairs = new ArrayList<>();
        for (int i = 0; i < variables.length; i++) {
            pairs.add(new Optimizer.GradAndVar<>(gradients[i].expect(TFloat32.class), trainable.get(i).asOutput()));
        }
        Op apply = optimizer.applyGradients(pairs, "train");
        if (ends.updates().isEmpty()) {
            return apply;
        }
        List<Op> all = new ArrayList<>(ends.updates());
        all.add(apply);
        return tf.withControlDependencies(all).withName("train_and_update_statistics").noOp();
    }

    /** The cross-entropy plus the L2 penalty, what Adam minimises. */
    private Operand<TFloat32> objective(Ops tf) {
        float l2 = definition.hyperparameters().l2();
        if (l2 == 0f || ends.penalized().isEmpty()) {
            return loss;
        }
        Operand<TFloat32> squares = null;
        for (Variable<TFloat32> weight : ends.penalized()) {
            Operand<TFloat32> sum = tf.math.mul(tf.nn.l2Loss(weight), tf.constant(2f));
            squares = squares == null ? sum : tf.math.add(squares, sum);
        }
        return tf.withName("objective").math.add(loss, tf.math.mul(tf.constant(l2), squares));
    }

    /** Mean over the batch of {@code max(x, 0) - x z + log1p(exp(-|x|))}, stable for any logit. */
    private static Operand<TFloat32> sigmoidCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
        Operand<TFloat32> positivePart = tf.math.maximum(logits, tf.zerosLike(logits));
        Operand<TFloat32> softplus = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits))));
        Operand<TFloat32> perExample = tf.math.add(tf.math.sub(positivePart, tf.math.mul(logits, labels)), softplus);
        return tf.withName("loss").math.mean(perExample, tf.constant(new int[] {0, 1}));
    }
}
