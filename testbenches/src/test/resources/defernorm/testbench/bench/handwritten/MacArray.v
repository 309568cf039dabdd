// Hand-written reference for the MAC array unit (hdl/accel defernorm.accel.units.MacArray, int8 activations,
// no rescale; docs/microarchitecture.md "The matrix unit"): input-stationary P x Q int8 MACs. Each accepted beat
// is held G ops; op k*G+g multiplies it with weight word k*G+g (bits (r*Q+c)*8 hold W[kP+r][gQ+c]) and adds
// the Q column sums into accumulators acc[g][0..Q-1]. Pipeline: the op register (input register + weight
// read), one multiplier level, log2(P) adder-tree levels (level l holds P >> l sums of 16 + l bits), the
// accumulators. When a token's last sum lands, all G x Q accumulators move into drain bank t mod 2 on the same
// edge (group G-1 with its new value). P must be a power of two, at least 2.
`timescale 1ns/1ps
`default_nettype none
module MacArray #(
    parameter P = 8,      // rows: activations per beat
    parameter Q = 4,      // columns: accumulators per group
    parameter NB = 8,     // beats per token
    parameter G = 8,      // column groups
    parameter ACC = 22,   // accumulator bits: 16 + log2(P * NB)
    parameter GB = $clog2(G),
    parameter OB = $clog2(NB * G)
) (
    input wire clk,
    input wire rst,
    input wire en,
    input wire w_we,                  // the weight memory's write port (configuration, not gated by en)
    input wire [OB-1:0] w_addr,
    input wire [8*P*Q-1:0] w_data,
    input wire in_valid,
    input wire [8*P-1:0] in_act,      // P int8 lanes, lane 0 low
    output wire in_ready,
    output reg drain_valid,           // one cycle after a token's accumulators moved into a drain bank
    input wire rd_bank,               // the drain read: bank and group select Q lanes
    input wire [GB-1:0] rd_group,
    output wire [ACC*Q-1:0] rd_data
);
    localparam LEVELS = $clog2(P);
    localparam D = LEVELS + 2;        // stages an op's side bits travel: op register, multipliers, tree levels
    localparam [GB-1:0] LAST_GROUP = G[GB-1:0] - 1'b1;
    localparam [OB-1:0] LAST_OP = NB * G - 1;

    // ---- the op sequence: the held beat, its weight tile, and each op's valid/group/first/last bits ----------
    reg [8*P*Q-1:0] weights [0:NB*G-1];
    reg [8*P*Q-1:0] w_tile;
    reg [8*P-1:0] act_q;
    reg [GB-1:0] grp_next;            // group of the held beat's next op
    reg [OB-1:0] op_next;             // weight address of the next op
    reg [D-1:0] op_valid, op_first, op_last;   // shift registers: bit i after i + 1 stages
    reg [GB*D-1:0] op_group;

    assign in_ready = grp_next == {GB{1'b0}};
    wire accept = in_valid && in_ready;
    wire issue = accept || grp_next != {GB{1'b0}};

    always @(posedge clk) begin
        if (rst) begin
            grp_next <= {GB{1'b0}};
            op_next <= {OB{1'b0}};
            act_q <= {8*P{1'b0}};
            op_valid <= {D{1'b0}};
            op_first <= {D{1'b0}};
            op_last <= {D{1'b0}};
            op_group <= {GB*D{1'b0}};
        end else if (en) begin
            if (issue) begin
                grp_next <= grp_next == LAST_GROUP ? {GB{1'b0}} : grp_next + 1'b1;
                op_next <= op_next == LAST_OP ? {OB{1'b0}} : op_next + 1'b1;
            end
            if (accept) act_q <= in_act;
            op_valid <= {op_valid[D-2:0], issue};
            op_first <= {op_first[D-2:0], op_next < G};
            op_last <= {op_last[D-2:0], issue && op_next == LAST_OP};
            op_group <= {op_group[GB*(D-1)-1:0], grp_next};
        end
    end

    always @(posedge clk) begin
        if (w_we) weights[w_addr] <= w_data;
        if (en) w_tile <= weights[op_next];
    end

    // ---- multipliers and one pipelined adder tree per column -----------------------------------------------
    wire signed [ACC-1:0] sum [0:Q-1];   // the column sums, sign-extended
    genvar r, c, l, k;
    generate
        for (r = 0; r < P; r = r + 1) begin : row
            for (c = 0; c < Q; c = c + 1) begin : col
                reg signed [15:0] prod;
                always @(posedge clk) begin
                    if (rst) prod <= 16'sd0;
                    else if (en) prod <= $signed(act_q[8*r +: 8]) * $signed(w_tile[8*(r*Q+c) +: 8]);
                end
            end
        end
        for (c = 0; c < Q; c = c + 1) begin : column
            for (l = 1; l <= LEVELS; l = l + 1) begin : level
                for (k = 0; k < (P >> l); k = k + 1) begin : node
                    reg signed [15+l:0] s;   // operands sign-extended by one bit: exact
                    if (l == 1) begin
                        always @(posedge clk) begin
                            if (rst) s <= 17'sd0;
                            else if (en) s <= row[2*k].col[c].prod + row[2*k+1].col[c].prod;
                        end
                    end else begin
                        always @(posedge clk) begin
                            if (rst) s <= {16+l{1'b0}};
                            else if (en) s <= level[l-1].node[2*k].s + level[l-1].node[2*k+1].s;
                        end
                    end
                end
            end
            assign sum[c] = {{ACC-16-LEVELS{level[LEVELS].node[0].s[15+LEVELS]}}, level[LEVELS].node[0].s};
        end
    endgenerate

    // ---- accumulators and the two drain banks ----------------------------------------------------------------
    wire land = op_valid[D-1];
    wire first = op_first[D-1];
    wire [GB-1:0] grp = op_group[GB*D-1 -: GB];
    wire drain_now = land && op_last[D-1];
    reg land_bank;                                   // the drain bank of the landing token
    reg signed [ACC-1:0] acc [0:G-1][0:Q-1];
    reg signed [ACC-1:0] drain [0:1][0:G-1][0:Q-1];

    integer gi, ci;
    always @(posedge clk) begin
        if (rst) begin
            land_bank <= 1'b0;
            drain_valid <= 1'b0;
            for (gi = 0; gi < G; gi = gi + 1) begin
                for (ci = 0; ci < Q; ci = ci + 1) begin
                    acc[gi][ci] <= {ACC{1'b0}};
                    drain[0][gi][ci] <= {ACC{1'b0}};
                    drain[1][gi][ci] <= {ACC{1'b0}};
                end
            end
        end else if (en) begin
            if (land) begin
                for (ci = 0; ci < Q; ci = ci + 1) acc[grp][ci] <= first ? sum[ci] : acc[grp][ci] + sum[ci];
            end
            if (drain_now) begin
                // The landing group (always the last) moves its new value, the others their settled one.
                for (gi = 0; gi < G - 1; gi = gi + 1) begin
                    for (ci = 0; ci < Q; ci = ci + 1) drain[land_bank][gi][ci] <= acc[gi][ci];
                end
                for (ci = 0; ci < Q; ci = ci + 1) drain[land_bank][G-1][ci] <= first ? sum[ci] : acc[G-1][ci] + sum[ci];
                land_bank <= !land_bank;
            end
            drain_valid <= drain_now;
        end
    end

    generate
        for (c = 0; c < Q; c = c + 1) begin : read
            assign rd_data[ACC*c +: ACC] = drain[rd_bank][rd_group][c];
        end
    endgenerate
endmodule
`default_nettype wire
