// Hand-written, firtool-style reference (SystemVerilog array ports) for the MacArray bench design with
// column sums as exact-width adder trees (cosim bench MacArray, ColumnSum.TREE): the same registers as
// MacArrayCore.v, each with its next-state logic inside its clocked block, but each column's P products
// are added pairwise, level l holding P >> l sums of 16 + l bits (exact: no bit is lost), and the root is
// sign-extended to 32 bits for the accumulator. A drop-in for MacArrayCore.v (same module name and ports,
// so the MacArray_PxQ.v wrappers serve both); P must be a power of two.
`timescale 1ns/1ps
`default_nettype none
module MacArrayCore #(
    parameter P = 4,        // rows: int8 activations per cycle (a power of two)
    parameter Q = 4,        // columns: accumulators
    parameter ROW_BITS = 2
) (
    input wire clk,
    input wire rst,
    input wire [7:0] x [0:P-1],     // int8 activations
    input wire x_valid,
    input wire clear,
    input wire w_we,
    input wire [ROW_BITS-1:0] w_row,
    input wire [8*Q-1:0] w_data,
    output wire [31:0] acc [0:Q-1]  // column accumulators
);
    localparam LEVELS = $clog2(P);

    reg valid_q;
    reg clear_q;
    always @(posedge clk) begin
        if (rst) begin
            valid_q <= 1'b0;
            clear_q <= 1'b0;
        end else begin
            valid_q <= x_valid;
            clear_q <= clear;
        end
    end

    genvar i, j, l, k;
    generate
        for (i = 0; i < P; i = i + 1) begin : row
            wire load = w_we && w_row == i;
            wire signed [15:0] xs = {{8{x[i][7]}}, x[i]};
            for (j = 0; j < Q; j = j + 1) begin : col
                reg signed [7:0] w;
                reg signed [15:0] prod;
                always @(posedge clk) begin
                    if (rst) begin
                        w <= 8'sd0;
                        prod <= 16'sd0;
                    end else begin
                        if (load) w <= w_data[8*j +: 8];
                        prod <= xs * {{8{w[7]}}, w};
                    end
                end
            end
        end
        for (j = 0; j < Q; j = j + 1) begin : column
            // Level 0 is the column's products; node k of level l adds nodes 2k and 2k + 1 of level l - 1,
            // both sign-extended by one bit (signed operands in a 16 + l bit context).
            for (l = 0; l <= LEVELS; l = l + 1) begin : level
                for (k = 0; k < (P >> l); k = k + 1) begin : node
                    wire signed [15 + l:0] s;
                    if (l == 0) begin : leaf
                        assign s = row[k].col[j].prod;
                    end else begin : add
                        assign s = level[l - 1].node[2 * k].s + level[l - 1].node[2 * k + 1].s;
                    end
                end
            end
            wire signed [31:0] col_sum = level[LEVELS].node[0].s;   // sign-extended
            reg signed [31:0] acc_q;
            always @(posedge clk) begin
                if (rst || clear_q) acc_q <= 32'sd0;
                else if (valid_q) acc_q <= acc_q + col_sum;
            end
            assign acc[j] = acc_q;
        end
    endgenerate
endmodule
`default_nettype wire
